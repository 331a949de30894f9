using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PushInventory.Rules.Tests;

/// <summary>The edges of rule validation, through the API.</summary>
public sealed class ValidationBoundaryTests(RulesFixture fixture) : IClassFixture<RulesFixture>
{
    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("1999.99")]
    [InlineData("2000")]
    public async Task Create_PercentAtTheBounds_Accepted(string percent)
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["quantity"] = new JsonObject { ["percent"] = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture) };

        var created = await tenant.CreateRuleAsync(body);

        created.GetProperty("quantity").GetProperty("percent").GetDecimal().ShouldBe(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2000.01")]
    [InlineData("-0.01")]
    public async Task Create_PercentJustOutsideTheBounds_Returns400NamingPercent(string percent)
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["quantity"] = new JsonObject { ["percent"] = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture) };

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        var errors = await response.ShouldBeInvalidAsync();
        errors.Keys.ShouldBe(["quantity.percent"]);
        errors["quantity.percent"].ShouldContain("from 0 to 2000");
        (await tenant.Client.GetJsonAsync("/api/rules")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Create_DesignatedStoreIsTheTenantsButNotInStoreIds_Returns400NamingTheField()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["aboutToSellOut"] = new JsonObject { ["threshold"] = 10, ["designatedStoreId"] = tenant.ShopeeMy.ToString() };

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        var errors = await response.ShouldBeInvalidAsync();
        errors.Keys.ShouldBe(["aboutToSellOut.designatedStoreId"]);
        errors["aboutToSellOut.designatedStoreId"].ShouldContain(tenant.ShopeeMy.ToString());
        errors["aboutToSellOut.designatedStoreId"].ShouldContain("one of the rule's storeIds");
        (await tenant.Client.GetJsonAsync("/api/rules")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Update_DesignatedStoreNotInStoreIds_Returns400AndKeepsRule()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var id = (await tenant.CreateRuleAsync(tenant.ValidRule())).GetProperty("id").GetGuid();
        var body = tenant.ValidRule();
        body["aboutToSellOut"] = new JsonObject { ["threshold"] = 10, ["designatedStoreId"] = tenant.Tokopedia.ToString() };

        using var response = await tenant.Client.PutAsJsonAsync($"/api/rules/{id}", body);

        (await response.ShouldBeInvalidAsync()).Keys.ShouldBe(["aboutToSellOut.designatedStoreId"]);
        (await tenant.Client.GetJsonAsync($"/api/rules/{id}")).GetProperty("version").GetInt64().ShouldBe(1);
    }
}
