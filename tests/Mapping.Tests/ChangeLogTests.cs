using System.Net;

namespace PushInventory.Mapping.Tests;

public sealed class ChangeLogTests(MappingFixture fixture) : IClassFixture<MappingFixture>
{
    [Fact]
    public async Task Changes_SeveralChanges_NewestFirstWithBeforeAndAfter()
    {
        var seller = fixture.NewSeller();
        var m1 = await seller.MerchantSkuAsync("M-1");
        var m2 = await seller.MerchantSkuAsync("M-2");
        var sku = await seller.StoreSkuAsync(Guid.NewGuid(), "S");
        await seller.LinkAsync(sku, m1);
        await seller.LinkAsync(sku, m2);
        await seller.DeleteLinkAsync(sku);

        var changes = (await seller.GetJsonAsync<ChangePageDto>($"/api/mapping/changes?storeSkuId={sku}")).Items;

        changes.Select(c => c.Version).ShouldBe([3L, 2L, 1L]);
        changes.Select(c => c.Reason).ShouldBe(["Unlinked", "Linked", "Linked"]);
        (changes[0].MerchantSkuIdBefore, changes[0].MerchantSkuCodeBefore, changes[0].MerchantSkuIdAfter).ShouldBe((m2, "M-2", null));
        (changes[1].MerchantSkuIdBefore, changes[1].MerchantSkuIdAfter, changes[1].MerchantSkuCodeAfter).ShouldBe((m1, m2, "M-2"));
        (changes[2].MerchantSkuIdBefore, changes[2].MerchantSkuIdAfter).ShouldBe((null, m1));
        changes.ShouldAllBe(c => c.ChangedBy == "test" && c.StoreSkuId == sku);
        changes[0].ChangedAt.ShouldBeGreaterThanOrEqualTo(changes[1].ChangedAt);
    }

    [Fact]
    public async Task Changes_PagedTwoAtATime_EveryChangeOnceNewestFirst()
    {
        var seller = fixture.NewSeller();
        var merchants = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            merchants.Add(await seller.MerchantSkuAsync($"M-{i}"));
        }

        var skus = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            skus.Add(await seller.StoreSkuAsync(Guid.NewGuid(), $"S-{i}"));
        }

        foreach (var merchant in merchants)
        {
            foreach (var sku in skus)
            {
                await seller.LinkAsync(sku, merchant);
            }
        }

        var seen = new List<ChangeDto>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await seller.GetJsonAsync<ChangePageDto>("/api/mapping/changes?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        pages.ShouldBe(3);
        seen.Count.ShouldBe(6);
        seen.Select(c => c.Id).Distinct().Count().ShouldBe(6);
        seen.Select(c => c.Id).ShouldBe(seen.Select(c => c.Id).OrderDescending());
        seen[0].MerchantSkuIdAfter.ShouldBe(merchants[2]);
        seen[^1].MerchantSkuIdAfter.ShouldBe(merchants[0]);
    }

    [Fact]
    public async Task Changes_BadCursor_400()
    {
        var seller = fixture.NewSeller();

        (await seller.GetAsync("/api/mapping/changes?cursor=MTIz")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
