using System.Net;
using System.Net.Http.Json;
using PushInventory.Contracts;

namespace PushInventory.Rules.Tests;

public sealed class SettingsTests(RulesFixture fixture) : IClassFixture<RulesFixture>
{
    [Fact]
    public async Task Settings_UnknownTenant_FreeAndSwitchedOff()
    {
        var client = fixture.Factory.CreateTenantClient(Guid.NewGuid());

        var settings = await client.GetJsonAsync("/api/settings");

        settings.GetProperty("inventoryFeaturesEnabled").GetBoolean().ShouldBeFalse();
        settings.GetProperty("plan").GetString().ShouldBe("Free");
    }

    [Fact]
    public async Task Settings_PutOn_ReturnsStateAndPublishesTenantSettingsChanged()
    {
        var tenantId = Guid.NewGuid();
        var client = fixture.Factory.CreateTenantClient(tenantId);

        using var response = await client.PutAsJsonAsync("/api/settings", new { inventoryFeaturesEnabled = true });

        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        body.GetProperty("inventoryFeaturesEnabled").GetBoolean().ShouldBeTrue();
        body.GetProperty("plan").GetString().ShouldBe("Free");
        var published = await fixture.SettingsChanges.WaitForAsync(m => m.TenantId == tenantId);
        published.InventoryFeaturesEnabled.ShouldBeTrue();
        published.Plan.ShouldBe(Plan.Free);
        published.Version.ShouldBe(1);
        (await client.GetJsonAsync("/api/settings")).GetProperty("inventoryFeaturesEnabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Settings_PutSameValueTwice_PublishesOnlyRealChanges()
    {
        var tenantId = Guid.NewGuid();
        var client = fixture.Factory.CreateTenantClient(tenantId);

        (await client.PutAsJsonAsync("/api/settings", new { inventoryFeaturesEnabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/settings", new { inventoryFeaturesEnabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/settings", new { inventoryFeaturesEnabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/settings", new { inventoryFeaturesEnabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await fixture.SettingsChanges.WaitForAsync(m => m.TenantId == tenantId && m.Version == 2);
        var versions = fixture.SettingsChanges.Messages.Where(m => m.TenantId == tenantId).Select(m => (m.Version, m.InventoryFeaturesEnabled)).OrderBy(v => v.Version).ToList();
        versions.ShouldBe([(1L, true), (2L, false)]);
    }

    [Fact]
    public async Task Settings_PutWithoutValue_Returns400NamingTheField()
    {
        var client = fixture.Factory.CreateTenantClient(Guid.NewGuid());

        using var response = await client.PutAsJsonAsync("/api/settings", new { });

        (await response.ShouldBeInvalidAsync()).Keys.ShouldBe(["inventoryFeaturesEnabled"]);
    }

    [Fact]
    public async Task TenantChanged_NewTenant_CreatesSettingsOffAndPublishes()
    {
        var tenantId = Guid.NewGuid();

        await fixture.Factory.Bus.Publish(new TenantChanged(tenantId, "Acme", Plan.Basic, 1, DateTime.UtcNow));

        var published = await fixture.SettingsChanges.WaitForAsync(m => m.TenantId == tenantId);
        published.Plan.ShouldBe(Plan.Basic);
        published.InventoryFeaturesEnabled.ShouldBeFalse();
        published.Version.ShouldBe(1);
        var settings = await fixture.Factory.CreateTenantClient(tenantId).GetJsonAsync("/api/settings");
        settings.GetProperty("plan").GetString().ShouldBe("Basic");
        settings.GetProperty("inventoryFeaturesEnabled").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task TenantChanged_PlanChange_KeepsSwitchBumpsVersionAndPublishes()
    {
        var tenantId = Guid.NewGuid();
        var client = fixture.Factory.CreateTenantClient(tenantId);
        await fixture.Factory.Bus.Publish(new TenantChanged(tenantId, "Acme", Plan.Free, 1, DateTime.UtcNow));
        await fixture.SettingsChanges.WaitForAsync(m => m.TenantId == tenantId && m.Version == 1);
        (await client.PutAsJsonAsync("/api/settings", new { inventoryFeaturesEnabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await fixture.Factory.Bus.Publish(new TenantChanged(tenantId, "Acme", Plan.Pro, 2, DateTime.UtcNow));

        var published = await fixture.SettingsChanges.WaitForAsync(m => m.TenantId == tenantId && m.Version == 3);
        published.Plan.ShouldBe(Plan.Pro);
        published.InventoryFeaturesEnabled.ShouldBeTrue();
        (await client.GetJsonAsync("/api/settings")).GetProperty("plan").GetString().ShouldBe("Pro");
    }

    [Fact]
    public async Task TenantChanged_AfterPutCreatedTheRow_UpdatesPlanOnly()
    {
        var tenantId = Guid.NewGuid();
        var client = fixture.Factory.CreateTenantClient(tenantId);
        (await client.PutAsJsonAsync("/api/settings", new { inventoryFeaturesEnabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await fixture.Factory.Bus.Publish(new TenantChanged(tenantId, "Acme", Plan.Basic, 1, DateTime.UtcNow));

        var published = await fixture.SettingsChanges.WaitForAsync(m => m.TenantId == tenantId && m.Plan == Plan.Basic);
        published.InventoryFeaturesEnabled.ShouldBeTrue();
        published.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Settings_WithoutTenantHeader_Returns401()
    {
        using var client = fixture.Factory.CreateClient();

        using var response = await client.GetAsync("/api/settings");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
