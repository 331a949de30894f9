using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PushInventory.Contracts;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.Gateway.Tests;

/// <summary><c>PUT /api/admin/tenants/{id}/plan</c>: validation, the admin key, and what it publishes.</summary>
public sealed class AdminPlanTests
{
    const string AdminKey = "gateway-test-admin-key";

    static ServiceFactory<Program> Gateway() => new ServiceFactory<Program>().With("Gateway:AdminApiKey", AdminKey);

    static HttpClient Admin(ServiceFactory<Program> factory, string? key = AdminKey)
    {
        var client = factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Admin-Key", key);
        }

        return client;
    }

    static async Task<Guid> CreateTenantAsync(HttpClient admin, string plan = "Free")
    {
        using var created = await admin.PostAsJsonAsync("/api/admin/tenants", new { name = "Acme", plan });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    static Task<HttpResponseMessage> PutPlanAsync(HttpClient client, Guid id, string json) =>
        client.PutAsync($"/api/admin/tenants/{id}/plan", new StringContent(json, Encoding.UTF8, "application/json"));

    static async Task<string> PlanOfAsync(HttpClient admin, Guid id) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/{id}")).GetProperty("plan").GetString()!;

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"plan":null}""")]
    public async Task SetPlan_MissingPlan_Returns400NamingPlan(string json)
    {
        await using var factory = Gateway();
        var admin = Admin(factory);
        var id = await CreateTenantAsync(admin);

        using var response = await PutPlanAsync(admin, id, json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("plan")[0].GetString().ShouldBe("'plan' is required: Free, Basic or Pro.");
        (await PlanOfAsync(admin, id)).ShouldBe("Free");
    }

    [Theory]
    [InlineData("""{"plan":"Gold"}""")]
    [InlineData("""{"plan":1}""")]
    [InlineData("""{"plan":true}""")]
    public async Task SetPlan_UnknownPlan_Returns400NamingPlan(string json)
    {
        await using var factory = Gateway();
        var admin = Admin(factory);
        var id = await CreateTenantAsync(admin);

        using var response = await PutPlanAsync(admin, id, json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldStartWith("The JSON body could not be read at $.plan");
        (await PlanOfAsync(admin, id)).ShouldBe("Free");
    }

    [Fact]
    public async Task SetPlan_UnknownTenant_Returns404NamingIt()
    {
        await using var factory = Gateway();
        var admin = Admin(factory);
        var unknown = Guid.NewGuid();

        using var response = await PutPlanAsync(admin, unknown, """{"plan":"Basic"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe($"No tenant with id {unknown}.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-admin-key")]
    [InlineData("GATEWAY-TEST-ADMIN-KEY")]
    public async Task SetPlan_WithoutOrWithWrongAdminKey_Returns401AndChangesNothing(string? key)
    {
        await using var factory = Gateway();
        var admin = Admin(factory);
        var id = await CreateTenantAsync(admin);

        using var response = await PutPlanAsync(Admin(factory, key), id, """{"plan":"Pro"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("X-Admin-Key");
        (await PlanOfAsync(admin, id)).ShouldBe("Free");
    }

    [Fact]
    public async Task SetPlan_Changed_PublishesTenantChangedWithNextVersion_SamePlanAgainPublishesNothing()
    {
        await using var factory = Gateway();
        var admin = Admin(factory);
        await using var changes = await BusRecorder<TenantChanged>.StartAsync(factory.Bus);
        var id = await CreateTenantAsync(admin);
        await changes.WaitForAsync(m => m.TenantId == id && m.Version == 1 && m.Plan == Plan.Free, what: "the tenant's creation");

        using (var response = await PutPlanAsync(admin, id, """{"plan":"Basic"}"""))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("plan").GetString().ShouldBe("Basic");
        }

        var upgraded = await changes.WaitForAsync(m => m.TenantId == id && m.Plan == Plan.Basic, what: "the change to Basic");
        upgraded.Version.ShouldBe(2);
        upgraded.Name.ShouldBe("Acme");

        using (var again = await PutPlanAsync(admin, id, """{"plan":"Basic"}"""))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The same plan again neither bumps the version nor publishes: the next real change is version 3,
        // and by the time it arrives, whatever the repeat had published would have arrived before it.
        using (var pro = await PutPlanAsync(admin, id, """{"plan":"Pro"}"""))
        {
            pro.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await changes.WaitForAsync(m => m.TenantId == id && m.Plan == Plan.Pro && m.Version == 3, what: "the change to Pro as version 3");
        changes.Messages.Where(m => m.TenantId == id).Select(m => (m.Plan, m.Version)).Order().ShouldBe(
            [(Plan.Free, 1L), (Plan.Basic, 2L), (Plan.Pro, 3L)]);
        (await PlanOfAsync(admin, id)).ShouldBe("Pro");
    }
}
