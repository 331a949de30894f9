using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PushInventory.Contracts;
using PushInventory.Rules.Persistence;
using PushInventory.TestSupport;

namespace PushInventory.Rules.Tests;

/// <summary>
/// A fresh tenant whose stores (Shopee, a second Shopee, Lazada, Tokopedia), warehouses, category and merchant
/// SKUs were published on the bus as the other services would, and applied by the Rules service.
/// </summary>
public sealed class TestTenant
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    TestTenant(RulesFixture fixture, Guid id)
    {
        Fixture = fixture;
        Id = id;
        Client = fixture.Factory.CreateTenantClient(id);
    }

    public RulesFixture Fixture { get; }
    public Guid Id { get; }
    public HttpClient Client { get; }
    public Guid ShopeePh { get; } = Guid.NewGuid();
    public Guid ShopeeMy { get; } = Guid.NewGuid();
    public Guid Lazada { get; } = Guid.NewGuid();
    public Guid Tokopedia { get; } = Guid.NewGuid();
    public Guid Category { get; } = Guid.NewGuid();
    public string Warehouse { get; } = "WH-MAIN";
    public string Warehouse2 { get; } = "WH-2";
    public IReadOnlyList<string> Skus { get; } = ["SKU-1", "SKU-2", "SKU-3"];

    /// <summary>Seeds the read models; <paramref name="plan"/> null means no TenantChanged (an unknown tenant).</summary>
    public static async Task<TestTenant> CreateAsync(RulesFixture fixture, Plan? plan = Plan.Basic)
    {
        var tenant = new TestTenant(fixture, Guid.NewGuid());
        await tenant.SeedAsync(plan);
        return tenant;
    }

    async Task SeedAsync(Plan? plan)
    {
        var bus = Fixture.Factory.Bus;
        var now = DateTime.UtcNow;
        if (plan is { } p)
        {
            await bus.Publish(new TenantChanged(Id, "Tenant", p, 1, now));
        }

        await bus.Publish(Store(ShopeePh, Marketplace.Shopee, "Shopee PH"));
        await bus.Publish(Store(ShopeeMy, Marketplace.Shopee, "Shopee MY"));
        await bus.Publish(Store(Lazada, Marketplace.Lazada, "Lazada PH"));
        await bus.Publish(Store(Tokopedia, Marketplace.Tokopedia, "Toko ID"));
        await bus.Publish(new WarehouseChanged(Id, Guid.NewGuid(), Warehouse, "Main", 1, now));
        await bus.Publish(new WarehouseChanged(Id, Guid.NewGuid(), Warehouse2, "Second", 1, now));
        await bus.Publish(new CategoryChanged(Id, Category, "Shoes", false, 1, now));
        foreach (var code in Skus)
        {
            await bus.Publish(Sku(code));
        }

        await Eventually.WaitAsync(
            () => WithDbAsync(async db =>
                await db.Stores.CountAsync(s => s.TenantId == Id) == 4
                && await db.Warehouses.CountAsync(w => w.TenantId == Id) == 2
                && await db.Categories.CountAsync(c => c.TenantId == Id) == 1
                && await db.MerchantSkus.CountAsync(s => s.TenantId == Id) == Skus.Count
                && (plan is null || await db.TenantSettings.AnyAsync(t => t.TenantId == Id && t.Plan == plan))),
            Timeout,
            $"read models of tenant {Id}");
    }

    public StoreChanged Store(Guid id, Marketplace marketplace, string name, bool deleted = false, long version = 1) =>
        new(Id, id, marketplace, name, "PH", "http://sandbox", [], "protected", deleted, version, DateTime.UtcNow);

    public MerchantSkuChanged Sku(string code, long version = 1, bool deleted = false) =>
        new(Id, Guid.NewGuid(), code, code, null, false, [], deleted, version, DateTime.UtcNow);

    internal Task<T> WithDbAsync<T>(Func<RulesDbContext, Task<T>> action) => WithDbAsync(Fixture, action);

    internal static async Task<T> WithDbAsync<T>(RulesFixture fixture, Func<RulesDbContext, Task<T>> action)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<RulesDbContext>());
    }

    /// <summary>A valid rule over SKU-1 and SKU-2, from the main warehouse to Shopee PH and Lazada.</summary>
    public JsonObject ValidRule(string name = "Main rule", int priority = 10) => new()
    {
        ["name"] = name,
        ["priority"] = priority,
        ["scope"] = new JsonObject { ["kind"] = "Skus", ["merchantSkuCodes"] = new JsonArray("SKU-1", "sku-2 ") },
        ["warehouseCodes"] = new JsonArray(Warehouse.ToLowerInvariant()),
        ["storeIds"] = new JsonArray(ShopeePh.ToString(), Lazada.ToString()),
    };

    public async Task<JsonElement> CreateRuleAsync(JsonObject body)
    {
        using var response = await Client.PostAsJsonAsync("/api/rules", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, json.ToString());
        return json;
    }
}
