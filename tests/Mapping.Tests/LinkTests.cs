using System.Net;

namespace PushInventory.Mapping.Tests;

public sealed class LinkTests(MappingFixture fixture) : IClassFixture<MappingFixture>
{
    [Fact]
    public async Task PutLink_ByIds_ReturnsLinkAndListsIt()
    {
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        var merchant = await seller.MerchantSkuAsync("AB-1");
        var storeSku = await seller.StoreSkuAsync(storeId, "shp-ab-1");

        var link = await seller.LinkAsync(storeSku, merchant);

        link.StoreSkuId.ShouldBe(storeSku);
        link.StoreId.ShouldBe(storeId);
        link.MerchantSkuId.ShouldBe(merchant);
        link.MerchantSkuCode.ShouldBe("AB-1");
        link.Version.ShouldBe(1);
        link.ChangedBy.ShouldBe("test");
        var page = await seller.GetJsonAsync<LinkPageDto>($"/api/mapping/links?storeId={storeId}");
        page.Items.ShouldHaveSingleItem().MerchantSkuId.ShouldBe(merchant);
    }

    [Fact]
    public async Task PutLink_ByCodeInAnotherCase_MapsToThatSku()
    {
        var seller = fixture.NewSeller();
        var merchant = await seller.MerchantSkuAsync("AB-1");
        var storeSku = await seller.StoreSkuAsync(Guid.NewGuid(), "X");

        var response = await seller.PutLinkAsync(storeSku, merchantSkuCode: "  ab-1 ");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Seller.ReadAsync<LinkDto>(response)).MerchantSkuId.ShouldBe(merchant);
    }

    [Fact]
    public async Task PutLink_UnknownStoreSkuAndCode_404NamingBoth()
    {
        var seller = fixture.NewSeller();
        var unknown = Guid.NewGuid();

        var response = await seller.PutLinkAsync(unknown, merchantSkuCode: "NOPE-1");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await Seller.ReadAsync<ProblemDto>(response);
        problem.Detail.ShouldNotBeNull().ShouldContain(unknown.ToString());
        problem.Detail.ShouldContain("'NOPE-1'");
    }

    [Fact]
    public async Task PutLink_UnknownMerchantId_404NamingIt()
    {
        var seller = fixture.NewSeller();
        var storeSku = await seller.StoreSkuAsync(Guid.NewGuid(), "X");
        var unknown = Guid.NewGuid();

        var response = await seller.PutLinkAsync(storeSku, unknown);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var detail = (await Seller.ReadAsync<ProblemDto>(response)).Detail.ShouldNotBeNull();
        detail.ShouldContain($"merchant SKU with id {unknown}");
        detail.ShouldNotContain("store SKU");
    }

    [Fact]
    public async Task PutLink_MerchantIdAndCodeBoth_400()
    {
        var seller = fixture.NewSeller();

        var response = await seller.PutLinkAsync(Guid.NewGuid(), Guid.NewGuid(), "AB");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Seller.ReadAsync<ProblemDto>(response)).Errors.ShouldNotBeNull().ShouldContainKey("merchantSkuId");
    }

    [Fact]
    public async Task PutLink_SameLinkAgain_ChangesNothing()
    {
        var seller = fixture.NewSeller();
        var merchant = await seller.MerchantSkuAsync("AB-1");
        var storeSku = await seller.StoreSkuAsync(Guid.NewGuid(), "X");
        await seller.LinkAsync(storeSku, merchant);

        var again = await seller.LinkAsync(storeSku, merchant);

        again.Version.ShouldBe(1);
        var changes = await seller.GetJsonAsync<ChangePageDto>($"/api/mapping/changes?storeSkuId={storeSku}");
        changes.Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeleteLink_Mapped_204ThenNotMapped404()
    {
        var seller = fixture.NewSeller();
        var merchant = await seller.MerchantSkuAsync("AB-1");
        var storeSku = await seller.StoreSkuAsync(Guid.NewGuid(), "X");
        await seller.LinkAsync(storeSku, merchant);

        (await seller.DeleteLinkAsync(storeSku)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var second = await seller.DeleteLinkAsync(storeSku);

        second.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Seller.ReadAsync<ProblemDto>(second)).Detail.ShouldNotBeNull().ShouldContain("not mapped");
        var page = await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links?unmappedOnly=true");
        page.Items.ShouldHaveSingleItem().StoreSkuId.ShouldBe(storeSku);
    }

    [Fact]
    public async Task DeleteLink_UnknownStoreSku_404()
    {
        var seller = fixture.NewSeller();

        (await seller.DeleteLinkAsync(Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListLinks_FiltersAndCursor_PageThroughEverythingOnce()
    {
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        var merchant = await seller.MerchantSkuAsync("M-1");
        var skus = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            skus.Add(await seller.StoreSkuAsync(storeId, $"S-{i}"));
        }

        await seller.StoreSkuAsync(Guid.NewGuid(), "OTHER-STORE");
        await seller.LinkAsync(skus[1], merchant);
        await seller.LinkAsync(skus[3], merchant);

        (await seller.GetJsonAsync<LinkPageDto>($"/api/mapping/links?storeId={storeId}&unmappedOnly=true")).Items.Select(i => i.StoreSkuId)
            .ShouldBe([skus[0], skus[2], skus[4]]);
        (await seller.GetJsonAsync<LinkPageDto>($"/api/mapping/links?merchantSkuId={merchant}")).Items.Select(i => i.StoreSkuId)
            .ShouldBe([skus[1], skus[3]]);

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await seller.GetJsonAsync<LinkPageDto>($"/api/mapping/links?storeId={storeId}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(i => i.StoreSkuId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        seen.ShouldBe(skus);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    public async Task ListLinks_BadPaging_400(string query)
    {
        var seller = fixture.NewSeller();

        (await seller.GetAsync($"/api/mapping/links?{query}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
