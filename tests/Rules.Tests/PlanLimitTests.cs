using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PushInventory.Contracts;

namespace PushInventory.Rules.Tests;

public sealed class PlanLimitTests(RulesFixture fixture) : IClassFixture<RulesFixture>
{
    [Fact]
    public async Task Free_SecondRule_Returns403NamingTheLimit()
    {
        var tenant = await TestTenant.CreateAsync(fixture, Plan.Free);
        await tenant.CreateRuleAsync(tenant.ValidRule("One"));

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", tenant.ValidRule("Two"));

        var problem = await response.ShouldBeAsync(HttpStatusCode.Forbidden);
        problem.Detail().ShouldContain("Free plan allows 1 push rule");
        (await tenant.Client.GetJsonAsync("/api/rules")).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Free_ConcurrentCreations_OnlyOneStored()
    {
        var tenant = await TestTenant.CreateAsync(fixture, Plan.Free);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => tenant.Client.PostAsJsonAsync("/api/rules", tenant.ValidRule($"Rule {i}"))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Forbidden || r.StatusCode == HttpStatusCode.Conflict);
        (await tenant.Client.GetJsonAsync("/api/rules")).GetProperty("items").GetArrayLength().ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task UnknownTenant_TreatedAsFree()
    {
        var tenant = await TestTenant.CreateAsync(fixture, plan: null);
        await tenant.CreateRuleAsync(tenant.ValidRule("One"));

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", tenant.ValidRule("Two"));

        (await response.ShouldBeAsync(HttpStatusCode.Forbidden)).Detail().ShouldContain("Free plan allows 1 push rule");
    }

    [Fact]
    public async Task Free_AfterDeletingTheRule_MayCreateAnother()
    {
        var tenant = await TestTenant.CreateAsync(fixture, Plan.Free);
        var id = (await tenant.CreateRuleAsync(tenant.ValidRule("One"))).GetProperty("id").GetGuid();
        (await tenant.Client.DeleteAsync($"/api/rules/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var created = await tenant.CreateRuleAsync(tenant.ValidRule("Two"));

        created.GetProperty("name").GetString().ShouldBe("Two");
    }

    [Fact]
    public async Task Free_TokopediaStore_Returns403OnCreateAndUpdate()
    {
        var tenant = await TestTenant.CreateAsync(fixture, Plan.Free);
        var body = tenant.ValidRule();
        body["storeIds"] = new JsonArray(tenant.ShopeePh.ToString(), tenant.Tokopedia.ToString());

        using var create = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        var problem = await create.ShouldBeAsync(HttpStatusCode.Forbidden);
        problem.Detail().ShouldContain("Free plan cannot push to Tokopedia stores");
        problem.Detail().ShouldContain("'Toko ID'");

        var id = (await tenant.CreateRuleAsync(tenant.ValidRule())).GetProperty("id").GetGuid();
        using var update = await tenant.Client.PutAsJsonAsync($"/api/rules/{id}", body);
        (await update.ShouldBeAsync(HttpStatusCode.Forbidden)).Detail().ShouldContain("Free plan cannot push to Tokopedia stores");
        (await tenant.Client.GetJsonAsync($"/api/rules/{id}")).GetProperty("version").GetInt64().ShouldBe(1);
    }

    [Theory]
    [InlineData(Plan.Basic)]
    [InlineData(Plan.Pro)]
    public async Task PaidPlans_ManyRulesAndTokopedia_Allowed(Plan plan)
    {
        var tenant = await TestTenant.CreateAsync(fixture, plan);
        var body = tenant.ValidRule("Toko");
        body["storeIds"] = new JsonArray(tenant.Tokopedia.ToString());

        await tenant.CreateRuleAsync(tenant.ValidRule("One"));
        await tenant.CreateRuleAsync(tenant.ValidRule("Two"));
        await tenant.CreateRuleAsync(body);

        (await tenant.Client.GetJsonAsync("/api/rules")).GetProperty("items").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task DowngradeToFree_WithTwoRules_RefusesAThird()
    {
        var tenant = await TestTenant.CreateAsync(fixture, Plan.Basic);
        await tenant.CreateRuleAsync(tenant.ValidRule("One"));
        await tenant.CreateRuleAsync(tenant.ValidRule("Two"));
        await fixture.Factory.Bus.Publish(new TenantChanged(tenant.Id, "Tenant", Plan.Free, 2, DateTime.UtcNow));
        await fixture.SettingsChanges.WaitForAsync(m => m.TenantId == tenant.Id && m.Plan == Plan.Free);

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", tenant.ValidRule("Three"));

        (await response.ShouldBeAsync(HttpStatusCode.Forbidden)).Detail().ShouldContain("already has 2");
    }
}
