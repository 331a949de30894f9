using System.Net;
using System.Net.Http.Json;
using PushInventory.Contracts;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.Distributed.Tests;

/// <summary>Issue 3's proof: the Mapping service auto-maps from the Catalog's events, across real processes.</summary>
public sealed class CatalogMappingFlowTests : IAsyncLifetime
{
    readonly DistributedSystem _system = new();

    public async ValueTask InitializeAsync() => await _system.StartAsync("catalog", "mapping", "stock");

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task NewStoreSku_WithAutoMappingOn_IsMappedFromCatalogEventsAlone()
    {
        await using var mappings = await BusRecorder<MappingChanged>.StartAsync(_system.Bus);
        using var admin = _system.AdminClient();
        var tenant = await Seller.ReadAsync(await admin.PostAsJsonAsync("/api/admin/tenants", new { name = "Auto-map Co", plan = "Basic" }), HttpStatusCode.Created);
        var tenantId = tenant.GetProperty("id").GetGuid();
        using var api = new HttpClient { BaseAddress = _system.Gateway.Address };
        api.DefaultRequestHeaders.Add("X-Api-Key", tenant.GetProperty("apiKey").GetString());

        await Seller.ReadAsync(await api.PutAsJsonAsync("/api/mapping/normalization", new { autoMapNewStoreSkus = true, ignorePrefix = new { kind = "Fixed", value = "PH-" } }), HttpStatusCode.OK);
        var sku = await Seller.ReadAsync(await api.PostAsJsonAsync("/api/catalog/merchant-skus", new { code = "LAMP-9", name = "Desk lamp" }), HttpStatusCode.Created);
        var store = await Seller.ReadAsync(await api.PostAsJsonAsync("/api/catalog/stores", new
        {
            marketplace = "Lazada",
            name = "Lazada PH",
            region = "PH",
            baseUrl = "http://127.0.0.1:9/sandbox/lazada",
            credentials = new { appKey = "100132", appSecret = "distributed-secret", accessToken = "distributed-token" },
        }), HttpStatusCode.Created);
        var storeId = store.GetProperty("id").GetGuid();
        // Whichever of MerchantSkuChanged and StoreSkuChanged reaches the Mapping service first, the link follows.
        var upsert = await Seller.ReadAsync(await api.PostAsJsonAsync($"/api/catalog/stores/{storeId}/skus", new { skus = new[] { new { sellerSku = "ph-lamp-9", name = "Lamp", itemId = 4_000_000_001L, skuId = 4_000_000_002L } } }), HttpStatusCode.OK);
        var storeSkuId = upsert.GetProperty("items")[0].GetProperty("id").GetGuid();

        var changed = await mappings.WaitForAsync(m => m.StoreSkuId == storeSkuId, TimeSpan.FromSeconds(30), "MappingChanged for the new store SKU");
        changed.ShouldSatisfyAllConditions(
            () => changed.TenantId.ShouldBe(tenantId),
            () => changed.MerchantSkuIdAfter.ShouldBe(sku.GetProperty("id").GetGuid()),
            () => changed.MerchantSkuCodeAfter.ShouldBe("LAMP-9"),
            () => changed.ChangedBy.ShouldBe("auto-mapping"));
        var links = await Seller.ReadAsync(await api.GetAsync($"/api/mapping/links?storeId={storeId}"), HttpStatusCode.OK);
        links.GetProperty("items")[0].GetProperty("merchantSkuCode").GetString().ShouldBe("LAMP-9");
        var storeView = await api.GetStringAsync($"/api/catalog/stores/{storeId}");
        storeView.ShouldNotContain("distributed-secret");
        storeView.ShouldNotContain("distributed-token");
    }
}
