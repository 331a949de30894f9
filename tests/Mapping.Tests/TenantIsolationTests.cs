using System.Net;

namespace PushInventory.Mapping.Tests;

public sealed class TenantIsolationTests(MappingFixture fixture) : IClassFixture<MappingFixture>
{
    [Fact]
    public async Task OtherTenantsSkus_AnsweredLikeUnknownIds()
    {
        var owner = fixture.NewSeller();
        var intruder = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        var merchant = await owner.MerchantSkuAsync("AB12");
        var sku = await owner.StoreSkuAsync(storeId, "AB12");
        await owner.LinkAsync(sku, merchant);
        var unknownStoreSku = Guid.NewGuid();

        var put = await intruder.PutLinkAsync(sku, merchant);
        var putUnknown = await intruder.PutLinkAsync(unknownStoreSku, Guid.NewGuid());

        put.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Seller.ReadAsync<ProblemDto>(put)).Title.ShouldBe((await Seller.ReadAsync<ProblemDto>(putUnknown)).Title);
        (await intruder.PutLinkAsync(sku, merchantSkuCode: "AB12")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.DeleteLinkAsync(sku)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.PostJsonAsync("/api/mapping/auto", new { storeIds = new[] { storeId } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.GetJsonAsync<LinkPageDto>("/api/mapping/links")).Items.ShouldBeEmpty();
        (await intruder.GetJsonAsync<ChangePageDto>("/api/mapping/changes")).Items.ShouldBeEmpty();
        var bulk = await Seller.ReadAsync<BulkDto>(await intruder.PostJsonAsync("/api/mapping/links/bulk", new { links = new[] { new { storeSkuId = sku, merchantSkuId = merchant } } }));
        bulk.Failed.ShouldBe(1);
        var link = (await owner.GetJsonAsync<LinkPageDto>("/api/mapping/links")).Items.ShouldHaveSingleItem();
        (link.MerchantSkuId, link.Version).ShouldBe((merchant, 1L));
    }

    [Fact]
    public async Task AutoMapping_OtherTenantsMerchantSkus_NeverMatched()
    {
        var owner = fixture.NewSeller();
        var other = fixture.NewSeller();
        await owner.MerchantSkuAsync("AB12");
        await other.StoreSkuAsync(Guid.NewGuid(), "AB12");

        var result = await Seller.ReadAsync<AutoDto>(await other.PostJsonAsync("/api/mapping/auto", new { }));

        (result.Scanned, result.Mapped, result.NoMatch).ShouldBe((1, 0, 1));
    }

    [Fact]
    public async Task Request_WithoutTenant_401()
    {
        using var client = fixture.Factory.CreateClient();

        (await client.GetAsync("/api/mapping/links", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
