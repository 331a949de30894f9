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

    [Fact]
    public async Task CsvImport_OnPostgres_StoresRowsAndPublishesOneEventEach()
    {
        await using var changes = await BusRecorder<MerchantSkuChanged>.StartAsync(_system.Bus);
        using var admin = _system.AdminClient();
        var tenant = await Seller.ReadAsync(await admin.PostAsJsonAsync("/api/admin/tenants", new { name = "Import Co", plan = "Basic" }), HttpStatusCode.Created);
        var tenantId = tenant.GetProperty("id").GetGuid();
        using var api = new HttpClient { BaseAddress = _system.Gateway.Address };
        api.DefaultRequestHeaders.Add("X-Api-Key", tenant.GetProperty("apiKey").GetString());
        var rows = Enumerable.Range(1, 250).Select(i => $"IMP-{i:D3},\"Item, {i}\",{(i % 2 == 0 ? "Shoes" : "")}");

        var result = await ImportAsync(api, rows);

        result.GetProperty("created").GetInt32().ShouldBe(250);
        result.GetProperty("failed").GetInt32().ShouldBe(0);
        await changes.WaitForCountAsync(m => m.TenantId == tenantId, 250, TimeSpan.FromSeconds(30));
        var events = changes.Messages.Where(m => m.TenantId == tenantId).ToList();
        events.Select(m => m.Code).Distinct().Count().ShouldBe(250);
        events.ShouldAllBe(m => m.Version == 1 && !m.Deleted && !m.IsBundle);
        var item2 = events.Single(m => m.Code == "IMP-002");
        item2.Name.ShouldBe("Item, 2");
        item2.CategoryId.ShouldNotBeNull();
        events.Single(m => m.Code == "IMP-001").CategoryId.ShouldBeNull();
        var stored = await Seller.ReadAsync(await api.GetAsync("/api/catalog/merchant-skus?codePrefix=IMP-002"), HttpStatusCode.OK);
        stored.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("Item, 2");
        stored.GetProperty("items")[0].GetProperty("categoryId").GetGuid().ShouldBe(item2.CategoryId!.Value);

        // The same file again changes nothing; a changed row is an update with the next version.
        (await ImportAsync(api, rows)).GetProperty("unchanged").GetInt32().ShouldBe(250);
        var update = await ImportAsync(api, ["IMP-001,Renamed,"]);
        update.GetProperty("updated").GetInt32().ShouldBe(1);
        (await changes.WaitForAsync(m => m.TenantId == tenantId && m.Code == "IMP-001" && m.Version == 2, TimeSpan.FromSeconds(30))).Name.ShouldBe("Renamed");
    }

    static async Task<System.Text.Json.JsonElement> ImportAsync(HttpClient api, IEnumerable<string> rows)
    {
        using var content = new StringContent("code,name,category\n" + string.Join("\n", rows) + "\n", System.Text.Encoding.UTF8, "text/csv");
        return await Seller.ReadAsync(await api.PostAsync("/api/catalog/merchant-skus/import", content), HttpStatusCode.OK);
    }
}
