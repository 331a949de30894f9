using System.Net;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;

namespace PushInventory.Catalog.Tests;

public sealed class PlanLimitTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    const string Limit = "Free plan allows at most 500 merchant SKUs";

    [Fact]
    public async Task PlanLimit_FreeTenant_501stSkuRefusedEveryWay()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        await SeedPlanAsync(tenant, Plan.Free, 1);
        var (status, body, raw) = await client.ImportAsync(Api.Csv(Enumerable.Range(1, 499).Select(i => $"S-{i:D3},n,")));
        status.ShouldBe(HttpStatusCode.OK, raw);
        await client.CreateSkuAsync("S-500");

        (status, body, _) = await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = "S-501" });
        status.ShouldBe(HttpStatusCode.Forbidden);
        body!["detail"]!.GetValue<string>().ShouldContain(Limit);

        (status, body, _) = await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = "BUNDLE", components = new[] { new { code = "S-001", quantity = 1 } } });
        status.ShouldBe(HttpStatusCode.Forbidden, "bundles count too");

        (status, body, raw) = await client.ImportAsync(Api.Csv(["S-001,renamed,", "S-502,n,"]));
        status.ShouldBe(HttpStatusCode.OK, raw);
        (body!["updated"]!.GetValue<int>(), body["created"]!.GetValue<int>()).ShouldBe((1, 0));
        var error = body["errors"]!.AsArray().ShouldHaveSingleItem()!;
        (error["row"]!.GetValue<int>(), error["code"]!.GetValue<string>(), error["reason"]!.GetValue<string>()).ShouldBe((3, "S-502", Limit));

        var store = await client.CreateStoreAsync();
        var storeSkus = await client.AddShopeeSkusAsync(store, (1, "S-001"), (2, "FRESH"));
        (status, body, _) = await client.PostJsonAsync("/api/catalog/merchant-skus/from-store-skus", new { storeSkuIds = storeSkus });
        status.ShouldBe(HttpStatusCode.Forbidden);
        body!["detail"]!.GetValue<string>().ShouldContain(Limit);
        (await factory.CountMerchantSkusAsync(tenant)).ShouldBe(500);
    }

    [Fact]
    public async Task PlanLimit_UnknownTenant_CountsAsFree()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        (await client.ImportAsync(Api.Csv(Enumerable.Range(1, 500).Select(i => $"U-{i:D3},n,")))).Status.ShouldBe(HttpStatusCode.OK);

        (await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = "U-501" })).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PlanLimit_BasicTenant_501stSkuAllowed()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        await SeedPlanAsync(tenant, Plan.Basic, 1);

        var (status, body, raw) = await client.ImportAsync(Api.Csv(Enumerable.Range(1, 500).Select(i => $"B-{i:D3},n,")));
        status.ShouldBe(HttpStatusCode.OK, raw);
        body!["created"]!.GetValue<int>().ShouldBe(500);
        await client.CreateSkuAsync("B-501");
        (await client.ImportAsync(Api.Csv(["B-502,n,"]))).Body!["created"]!.GetValue<int>().ShouldBe(1);
        (await factory.CountMerchantSkusAsync(tenant)).ShouldBe(502);
    }

    [Fact]
    public async Task PlanLimit_OlderTenantVersion_Ignored()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        await SeedPlanAsync(tenant, Plan.Pro, 5);
        await factory.Bus.Publish(new TenantChanged(tenant, "seller", Plan.Free, 4, DateTime.UtcNow), TestContext.Current.CancellationToken);
        // A later message on the same queue applied: the stale one has had its turn.
        await SeedPlanAsync(Guid.NewGuid(), Plan.Free, 1);

        (await client.ImportAsync(Api.Csv(Enumerable.Range(1, 501).Select(i => $"P-{i:D3},n,")))).Body!["created"]!.GetValue<int>().ShouldBe(501);
    }

    async Task SeedPlanAsync(Guid tenant, Plan plan, long version)
    {
        await factory.Bus.Publish(new TenantChanged(tenant, "seller", plan, version, DateTime.UtcNow), TestContext.Current.CancellationToken);
        await factory.WaitForDbAsync(db => db.Tenants.AnyAsync(t => t.TenantId == tenant && t.Version == version), $"tenant plan {plan} v{version} to apply");
    }
}
