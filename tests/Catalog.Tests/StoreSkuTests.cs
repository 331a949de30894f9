using System.Net;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Catalog.Tests;

public sealed class StoreSkuTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task StoreSkus_Upsert_CreatesUpdatesAndSkipsUnchanged()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        var store = await client.CreateStoreAsync();
        await using var events = await BusRecorder<StoreSkuChanged>.StartAsync(factory.Bus);

        var (status, body, raw) = await client.PostJsonAsync($"/api/catalog/stores/{store}/skus", new
        {
            skus = new object[]
            {
                new { sellerSku = "TEE-1", name = "Tee", itemId = 100L, reservedStock = 0 },
                new { sellerSku = "TEE-2", name = "Tee L", itemId = 100L, modelId = 9_000_000_000L, platformWarehouseIds = new[] { "L1" } },
            },
        });
        status.ShouldBe(HttpStatusCode.OK, raw);
        body!["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()).ShouldBe(["created", "created"]);
        var first = body["items"]![0]!["id"]!.GetValue<Guid>();

        (status, body, raw) = await client.PostJsonAsync($"/api/catalog/stores/{store}/skus", new
        {
            skus = new object[]
            {
                new { sellerSku = "TEE-1", name = "Tee", itemId = 100L, modelId = 0L, reservedStock = 5 },
                new { sellerSku = "TEE-2", name = "Tee L", itemId = 100L, modelId = 9_000_000_000L, platformWarehouseIds = new[] { "L1" } },
            },
        });
        status.ShouldBe(HttpStatusCode.OK, raw);
        body!["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()).ShouldBe(["updated", "unchanged"]);
        body["items"]![0]!["id"]!.GetValue<Guid>().ShouldBe(first);

        var changed = await events.WaitForAsync(e => e.StoreSkuId == first && e.Version == 2);
        (changed.ReservedStock, changed.ItemId, changed.ModelId, changed.Marketplace).ShouldBe((5, 100L, 0L, Marketplace.Shopee));
        await events.WaitForCountAsync(e => e.TenantId == tenant, 3);
        events.Messages.Count(e => e.TenantId == tenant).ShouldBe(3, "the unchanged SKU published nothing");

        (status, body, _) = await client.GetJsonAsync($"/api/catalog/stores/{store}/skus?sellerSku=tee-2");
        body!["items"]!.AsArray().ShouldHaveSingleItem()!["modelId"]!.GetValue<long>().ShouldBe(9_000_000_000L);

        (await client.DeleteJsonAsync($"/api/catalog/stores/{store}/skus/{first}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await events.WaitForAsync(e => e.StoreSkuId == first && e.Deleted)).Version.ShouldBe(3);
        (await client.GetJsonAsync($"/api/catalog/stores/{store}/skus/{first}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StoreSkus_RequiredIdsPerMarketplace_BadRequestNothingStored()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var lazada = await client.CreateStoreAsync(new { marketplace = "Lazada", name = "L", region = "VN", credentials = new { appKey = "k", appSecret = "s", accessToken = "t" } });
        var tiktok = await client.CreateStoreAsync(new { marketplace = "TikTokShop", name = "T", region = "TH", credentials = new { appKey = "k", appSecret = "s", accessToken = "t", shopCipher = "c" } });

        var (status, body, raw) = await client.PostJsonAsync($"/api/catalog/stores/{lazada}/skus", new
        {
            skus = new object[]
            {
                new { sellerSku = "OK", itemId = 1L, skuId = 2L },
                new { sellerSku = "NO-SKU-ID", itemId = 1L },
                new { sellerSku = "NEG", itemId = 3L, skuId = 4L, reservedStock = -1 },
                new { sellerSku = "DUP", itemId = 1L, skuId = 2L },
            },
        });
        status.ShouldBe(HttpStatusCode.BadRequest, raw);
        body!["errors"]!["skus[1].skuId"].ShouldNotBeNull();
        body["errors"]!["skus[2].reservedStock"].ShouldNotBeNull();
        body["errors"]!["skus[3]"].ShouldNotBeNull();
        (await client.GetJsonAsync($"/api/catalog/stores/{lazada}/skus")).Body!["items"]!.AsArray().ShouldBeEmpty();

        (status, body, _) = await client.PostJsonAsync($"/api/catalog/stores/{tiktok}/skus", new { skus = new[] { new { sellerSku = "X", itemId = 1L, skuId = 2L } } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["skus[0].productId"].ShouldNotBeNull();

        (status, body, _) = await client.PostJsonAsync($"/api/catalog/stores/{tiktok}/skus", "{\"skus\":[{\"productId\":18446744073709551616,\"skuId\":1}]}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["detail"]!.GetValue<string>().ShouldContain("productId");
    }

    [Fact]
    public async Task StoreSkus_TooMany_BadRequest()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var store = await client.CreateStoreAsync();
        var skus = Enumerable.Range(1, 1001).Select(i => new { itemId = (long)i }).ToArray();
        var (status, body, _) = await client.PostJsonAsync($"/api/catalog/stores/{store}/skus", new { skus });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["skus"]![0]!.GetValue<string>().ShouldContain("1000");
    }

    [Fact]
    public async Task StoreSkus_ListPagesBySellerSku()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var store = await client.CreateStoreAsync();
        await client.AddShopeeSkusAsync(store, (5, "B"), (4, "A"), (3, "B"), (2, "C"), (1, ""));

        var seen = new List<(string, long)>();
        string? cursor = null;
        do
        {
            var body = (await client.GetJsonAsync($"/api/catalog/stores/{store}/skus?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}")).Body!;
            seen.AddRange(body["items"]!.AsArray().Select(i => (i!["sellerSku"]!.GetValue<string>(), i["itemId"]!.GetValue<long>())));
            cursor = body["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        seen.ShouldBe([("", 1L), ("A", 4L), ("B", 3L), ("B", 5L), ("C", 2L)]);
    }

    [Fact]
    public async Task StoreSkus_OtherTenantsStore_NotFound()
    {
        var owner = factory.CreateTenantClient(Guid.NewGuid());
        var store = await owner.CreateStoreAsync();
        var sku = (await owner.AddShopeeSkusAsync(store, (1, "MINE")))[0];
        var stranger = factory.CreateTenantClient(Guid.NewGuid());

        (await stranger.PostJsonAsync($"/api/catalog/stores/{store}/skus", new { skus = new[] { new { itemId = 2L } } })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetJsonAsync($"/api/catalog/stores/{store}/skus")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteJsonAsync($"/api/catalog/stores/{store}/skus/{sku}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await owner.GetJsonAsync($"/api/catalog/stores/{store}/skus/{sku}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StoreSkus_StoreDeleted_EachSkuPublishedDeleted()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var store = await client.CreateStoreAsync();
        var ids = await client.AddShopeeSkusAsync(store, (1, "A"), (2, "B"));
        await using var events = await BusRecorder<StoreSkuChanged>.StartAsync(factory.Bus);

        (await client.DeleteJsonAsync($"/api/catalog/stores/{store}")).Status.ShouldBe(HttpStatusCode.NoContent);

        await events.WaitForCountAsync(e => ids.Contains(e.StoreSkuId) && e.Deleted && e.Version == 2, 2);
    }
}
