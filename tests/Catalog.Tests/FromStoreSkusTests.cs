using System.Net;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Catalog.Tests;

public sealed class FromStoreSkusTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task FromStoreSkus_CreatesOrReusesAndSendsLinkStoreSku()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        var existing = await client.CreateSkuAsync("EXIST-1");
        var store = await client.CreateStoreAsync();
        var ids = await client.AddShopeeSkusAsync(store, (1, "NEW-1"), (2, " exist-1"), (3, ""), (4, "new-1"));
        var unknown = Guid.NewGuid();
        await using var links = await BusRecorder<LinkStoreSku>.StartAsync(factory.Bus);
        await using var skus = await BusRecorder<MerchantSkuChanged>.StartAsync(factory.Bus);

        var (status, body, raw) = await client.PostJsonAsync("/api/catalog/merchant-skus/from-store-skus", new { storeSkuIds = new[] { ids[0], ids[1], ids[2], ids[3], unknown } });

        status.ShouldBe(HttpStatusCode.OK, raw);
        (body!["created"]!.GetValue<int>(), body["reused"]!.GetValue<int>(), body["failed"]!.GetValue<int>()).ShouldBe((1, 2, 2));
        var items = body["items"]!.AsArray();
        items[0]!["created"]!.GetValue<bool>().ShouldBeTrue();
        var created = items[0]!["merchantSkuId"]!.GetValue<Guid>();
        items[1]!["merchantSkuId"]!.GetValue<Guid>().ShouldBe(existing);
        items[2]!["error"]!.GetValue<string>().ShouldContain("no seller SKU");
        items[3]!["merchantSkuId"]!.GetValue<Guid>().ShouldBe(created, "the same code in one request makes one merchant SKU");
        items[4]!["error"]!.GetValue<string>().ShouldContain("No store SKU");

        await links.WaitForCountAsync(l => l.TenantId == tenant, 3);
        links.Messages.Where(l => l.TenantId == tenant).Select(l => (l.StoreSkuId, l.MerchantSkuId, l.MerchantSkuCode, l.RequestedBy))
            .ShouldBe([(ids[0], created, "NEW-1", "test"), (ids[1], existing, "EXIST-1", "test"), (ids[3], created, "NEW-1", "test")], ignoreOrder: true);
        var published = await skus.WaitForAsync(e => e.MerchantSkuId == created);
        (published.Code, published.Name, published.Version).ShouldBe(("NEW-1", "NEW-1 listing", 1L));
    }

    [Fact]
    public async Task FromStoreSkus_OtherTenantsStoreSku_ReportedUnknown()
    {
        var owner = factory.CreateTenantClient(Guid.NewGuid());
        var store = await owner.CreateStoreAsync();
        var id = (await owner.AddShopeeSkusAsync(store, (1, "THEIRS")))[0];
        var stranger = factory.CreateTenantClient(Guid.NewGuid());

        var (status, body, _) = await stranger.PostJsonAsync("/api/catalog/merchant-skus/from-store-skus", new { storeSkuIds = new[] { id } });

        status.ShouldBe(HttpStatusCode.OK);
        body!["items"]![0]!["error"]!.GetValue<string>().ShouldContain("No store SKU");
        (await stranger.GetJsonAsync("/api/catalog/merchant-skus")).Body!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task FromStoreSkus_EmptyList_BadRequest()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        (await client.PostJsonAsync("/api/catalog/merchant-skus/from-store-skus", new { storeSkuIds = Array.Empty<Guid>() })).Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}
