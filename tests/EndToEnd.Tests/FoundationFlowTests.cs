using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.EndToEnd.Tests;

/// <summary>Issues 2 and 3 through the embedded host's public paths.</summary>
public sealed class FoundationFlowTests(EmbeddedHost host)
{
    [Fact]
    public async Task Movement_ThroughGatewayPaths_ChangesLevelOncePerChange()
    {
        using var seller = await Seller.CreateAsync(host.System, featuresOn: false);
        await seller.SkuAsync("SKU-1");

        await seller.MoveAsync("SKU-1", "WH-A", "StockIn", 12, id: "e2e-1");
        await seller.MoveAsync("sku-1", "wh-a", "OrderAllocated", 5, id: "e2e-2");
        var duplicate = await Seller.ReadAsync(await seller.Api.PostAsJsonAsync("/api/stock/movements", new { movements = new[] { new { id = "e2e-1", merchantSkuCode = "SKU-1", warehouseCode = "WH-A", kind = "StockIn", quantity = 12 } } }), HttpStatusCode.OK);

        duplicate.GetProperty("duplicates").GetInt32().ShouldBe(1);
        var levels = await Seller.ReadAsync(await seller.Api.GetAsync("/api/stock/levels?merchantSkuCode=SKU-1"), HttpStatusCode.OK);
        var level = levels.GetProperty("levels")[0];
        (level.GetProperty("onHand").GetInt32(), level.GetProperty("allocated").GetInt32(), level.GetProperty("available").GetInt32(), level.GetProperty("version").GetInt64())
            .ShouldBe((12, 5, 7, 2));
    }

    [Fact]
    public async Task Api_WithoutKeyWithBadKeyOrSpoofedTenant_IsRefused()
    {
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        (await anonymous.GetAsync("/api/stock/warehouses")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/stock/warehouses");
        bad.Headers.Add("X-Api-Key", "pik_not-a-key");
        (await anonymous.SendAsync(bad)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var seller = await Seller.CreateAsync(host.System, featuresOn: false);
        using var spoof = new HttpRequestMessage(HttpMethod.Get, "/api/stock/warehouses");
        spoof.Headers.Add("X-Tenant-Id", Guid.NewGuid().ToString());
        var refused = await seller.Api.SendAsync(spoof);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("X-Tenant-Id");
    }

    [Fact]
    public async Task AdminTenants_WrongAdminKey_Is401AndBadPlanIs400()
    {
        using var wrong = new HttpClient { BaseAddress = host.Address };
        wrong.DefaultRequestHeaders.Add("X-Admin-Key", "not-the-key");
        (await wrong.PostAsJsonAsync("/api/admin/tenants", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var seller = await Seller.CreateAsync(host.System, featuresOn: false);
        var badPlan = await seller.Admin.PostAsJsonAsync("/api/admin/tenants", new { name = "x", plan = "Platinum" });
        badPlan.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badPlan.Content.ReadAsStringAsync()).ShouldContain("plan");
    }

    [Fact]
    public async Task Store_ToAutoMappedLink_WithoutEverShowingCredentials()
    {
        using var seller = await Seller.CreateAsync(host.System, featuresOn: false);
        await seller.SkuAsync("MUG-01");
        var store = await seller.StoreAsync("Shopee", "Shopee PH");
        var (storeSkuId, _) = await seller.StoreSkuAsync(store, " mug-01 ");

        JsonElement auto = default;
        await Eventually.WaitAsync(async () =>
        {
            // 404 until the Mapping service has learnt the store from the Catalog's event.
            var response = await seller.Api.PostAsJsonAsync("/api/mapping/auto", new { storeIds = new[] { store.Id } });
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }

            auto = await Seller.ReadAsync(response, HttpStatusCode.OK);
            return auto.GetProperty("mapped").GetInt32() == 1;
        }, TimeSpan.FromSeconds(30), "auto-mapping to map the store SKU");

        auto.GetProperty("pairs")[0].GetProperty("storeSkuId").GetGuid().ShouldBe(storeSkuId);
        var links = await Seller.ReadAsync(await seller.Api.GetAsync($"/api/mapping/links?storeId={store.Id}"), HttpStatusCode.OK);
        links.GetProperty("items")[0].GetProperty("merchantSkuCode").GetString().ShouldBe("MUG-01");
        var storeView = await seller.Api.GetStringAsync($"/api/catalog/stores/{store.Id}");
        storeView.ShouldNotContain("secret-");
        storeView.ShouldNotContain("token-");
        storeView.ShouldContain("partnerKey");
    }
}
