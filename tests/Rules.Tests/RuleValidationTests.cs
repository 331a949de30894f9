using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Rules.Tests;

public sealed class RuleValidationTests(RulesFixture fixture) : IClassFixture<RulesFixture>
{
    [Fact]
    public async Task Create_ManyBadFields_Returns400NamingEveryOne()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = new JsonObject
        {
            ["name"] = "",
            ["priority"] = -1,
            ["scope"] = new JsonObject { ["kind"] = "Skus", ["merchantSkuCodes"] = new JsonArray("SKU-1", "SKU-2", "SKU-3", " sku-1 ", "") },
            ["warehouseCodes"] = new JsonArray(),
            ["storeIds"] = new JsonArray(),
            ["quantity"] = new JsonObject { ["percent"] = 2000.01m, ["offset"] = -1, ["buffer"] = -2, ["max"] = -3 },
            ["aboutToSellOut"] = new JsonObject { ["threshold"] = 0, ["designatedStoreId"] = Guid.NewGuid().ToString() },
            ["preOrder"] = new JsonObject { ["enableAtOrBelow"] = -1, ["addQuantity"] = -1, ["closeAbove"] = -5, ["daysToShip"] = 31 },
        };

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        var errors = await response.ShouldBeInvalidAsync();
        errors.Keys.ShouldBe(
            [
                "name", "priority", "scope.merchantSkuCodes[3]", "scope.merchantSkuCodes[4]", "warehouseCodes", "storeIds",
                "quantity.percent", "quantity.offset", "quantity.buffer", "quantity.max",
                "aboutToSellOut.threshold", "aboutToSellOut.designatedStoreId",
                "preOrder.enableAtOrBelow", "preOrder.addQuantity", "preOrder.closeAbove", "preOrder.daysToShip",
            ],
            ignoreOrder: true);
        errors["scope.merchantSkuCodes[3]"].ShouldContain("scope.merchantSkuCodes[0]");
        errors["preOrder.daysToShip"].ShouldContain("7 to 30");
        errors["aboutToSellOut.designatedStoreId"].ShouldContain("one of the rule's storeIds");
        (await tenant.Client.GetJsonAsync("/api/rules")).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Create_MissingRequiredParts_Returns400()
    {
        var tenant = await TestTenant.CreateAsync(fixture);

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", new JsonObject());

        (await response.ShouldBeInvalidAsync()).Keys.ShouldBe(["name", "priority", "scope", "warehouseCodes", "storeIds"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("bad\u0007name")]
    [InlineData("   ")]
    public async Task Create_BadName_Returns400NamingName(string name)
    {
        var tenant = await TestTenant.CreateAsync(fixture);

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", tenant.ValidRule(name));

        (await response.ShouldBeInvalidAsync()).Keys.ShouldBe(["name"]);
    }

    [Fact]
    public async Task Create_NameOver200_Returns400()
    {
        var tenant = await TestTenant.CreateAsync(fixture);

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", tenant.ValidRule(new string('x', 201)));

        (await response.ShouldBeInvalidAsync())["name"].ShouldContain("200");
    }

    [Fact]
    public async Task Create_PreOrderEnableNotBelowClose_Returns400()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["storeIds"] = new JsonArray(tenant.ShopeePh.ToString());
        body["preOrder"] = new JsonObject { ["enableAtOrBelow"] = 50, ["addQuantity"] = 0, ["closeAbove"] = 50, ["daysToShip"] = 6 };

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        var errors = await response.ShouldBeInvalidAsync();
        errors.Keys.ShouldBe(["preOrder.closeAbove", "preOrder.daysToShip"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_PreOrderWithNonShopeeStores_Returns400NamingThem()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["storeIds"] = new JsonArray(tenant.ShopeePh.ToString(), tenant.Lazada.ToString(), tenant.Tokopedia.ToString());
        body["preOrder"] = new JsonObject { ["enableAtOrBelow"] = 5, ["addQuantity"] = 30, ["closeAbove"] = 50, ["daysToShip"] = 10 };

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        var errors = await response.ShouldBeInvalidAsync();
        errors.Keys.ShouldBe(["preOrder"]);
        errors["preOrder"].ShouldContain("Shopee stores only");
        errors["preOrder"].ShouldContain("'Lazada PH'");
        errors["preOrder"].ShouldContain("'Toko ID'");
        errors["preOrder"].ShouldNotContain("'Shopee PH'");
    }

    [Fact]
    public async Task Create_UnknownReferences_EachNamed()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var stranger = await TestTenant.CreateAsync(fixture);
        var unknownStore = Guid.NewGuid();
        var unknownCategory = Guid.NewGuid();
        var body = tenant.ValidRule();
        body["scope"] = new JsonObject { ["kind"] = "Skus", ["merchantSkuCodes"] = new JsonArray("SKU-1", "NOPE-1", "SKU-2", "NOPE-2") };
        body["warehouseCodes"] = new JsonArray(tenant.Warehouse, "WH-NOWHERE");
        body["storeIds"] = new JsonArray(tenant.ShopeePh.ToString(), unknownStore.ToString(), stranger.ShopeePh.ToString());

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        var errors = await response.ShouldBeInvalidAsync();
        errors.Keys.ShouldBe(["scope.merchantSkuCodes[1]", "scope.merchantSkuCodes[3]", "warehouseCodes[1]", "storeIds[1]", "storeIds[2]"], ignoreOrder: true);
        errors["scope.merchantSkuCodes[1]"].ShouldContain("'NOPE-1'");
        errors["warehouseCodes[1]"].ShouldContain("'WH-NOWHERE'");
        errors["storeIds[1]"].ShouldContain(unknownStore.ToString());
        errors["storeIds[2]"].ShouldContain(stranger.ShopeePh.ToString());

        var byCategory = tenant.ValidRule();
        byCategory["scope"] = new JsonObject { ["kind"] = "Categories", ["categoryIds"] = new JsonArray(tenant.Category.ToString(), unknownCategory.ToString(), stranger.Category.ToString()) };
        using var categoryResponse = await tenant.Client.PostAsJsonAsync("/api/rules", byCategory);
        var categoryErrors = await categoryResponse.ShouldBeInvalidAsync();
        categoryErrors.Keys.ShouldBe(["scope.categoryIds[1]", "scope.categoryIds[2]"], ignoreOrder: true);
        categoryErrors["scope.categoryIds[1]"].ShouldContain(unknownCategory.ToString());

        var byStore = tenant.ValidRule();
        byStore["scope"] = new JsonObject { ["kind"] = "Stores", ["storeIds"] = new JsonArray(tenant.Lazada.ToString(), stranger.Lazada.ToString()) };
        using var storeResponse = await tenant.Client.PostAsJsonAsync("/api/rules", byStore);
        (await storeResponse.ShouldBeInvalidAsync()).Keys.ShouldBe(["scope.storeIds[1]"]);
    }

    [Fact]
    public async Task Create_DeletedStoreOrSku_IsUnknown()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        await fixture.Factory.Bus.Publish(tenant.Store(tenant.ShopeeMy, Marketplace.Shopee, "Shopee MY", deleted: true, version: 2));
        await fixture.Factory.Bus.Publish(tenant.Sku("GONE", version: 1, deleted: true));
        await Eventually.WaitAsync(
            () => tenant.WithDbAsync(db => Task.FromResult(db.Stores.Any(s => s.Id == tenant.ShopeeMy && s.Deleted) && db.MerchantSkus.Any(s => s.TenantId == tenant.Id && s.Code == "GONE"))),
            TestTenant.Timeout,
            "deleted store and SKU");
        var body = tenant.ValidRule();
        body["scope"] = new JsonObject { ["kind"] = "Skus", ["merchantSkuCodes"] = new JsonArray("GONE") };
        body["storeIds"] = new JsonArray(tenant.ShopeeMy.ToString());

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        (await response.ShouldBeInvalidAsync()).Keys.ShouldBe(["scope.merchantSkuCodes[0]", "storeIds[0]"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_StaleStoreVersion_DoesNotUndoNewerState()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        await fixture.Factory.Bus.Publish(tenant.Store(tenant.Lazada, Marketplace.Lazada, "Lazada renamed", version: 3));
        await Eventually.WaitAsync(() => tenant.WithDbAsync(db => Task.FromResult(db.Stores.Any(s => s.Id == tenant.Lazada && s.Version == 3))), TestTenant.Timeout, "store v3");

        await fixture.Factory.Bus.Publish(tenant.Store(tenant.Lazada, Marketplace.Lazada, "Lazada old", deleted: true, version: 2));
        // A later change of another store on the same queue shows the stale one was handled by then.
        await fixture.Factory.Bus.Publish(tenant.Store(tenant.ShopeeMy, Marketplace.Shopee, "Shopee MY 2", version: 2));
        await Eventually.WaitAsync(() => tenant.WithDbAsync(db => Task.FromResult(db.Stores.Any(s => s.Id == tenant.ShopeeMy && s.Version == 2))), TestTenant.Timeout, "store marker");

        var store = await tenant.WithDbAsync(db => Task.FromResult(db.Stores.Single(s => s.Id == tenant.Lazada)));
        store.Name.ShouldBe("Lazada renamed");
        store.Deleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Create_DuplicateStoresAndWarehouses_Returns400()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["warehouseCodes"] = new JsonArray(tenant.Warehouse, tenant.Warehouse.ToLowerInvariant());
        body["storeIds"] = new JsonArray(tenant.ShopeePh.ToString(), tenant.ShopeePh.ToString());

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        (await response.ShouldBeInvalidAsync()).Keys.ShouldBe(["warehouseCodes[1]", "storeIds[1]"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_MoreThan5000Codes_Returns400NamingTheLimit()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["scope"] = new JsonObject { ["kind"] = "Skus", ["merchantSkuCodes"] = new JsonArray(Enumerable.Range(0, 5001).Select(i => (JsonNode)JsonValue.Create($"C{i}")).ToArray()) };

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        (await response.ShouldBeInvalidAsync())["scope.merchantSkuCodes"].ShouldContain("At most 5000");
    }

    [Fact]
    public async Task Create_ScopeListOfAnotherKind_Returns400()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["scope"] = new JsonObject { ["kind"] = "All", ["storeIds"] = new JsonArray(tenant.ShopeePh.ToString()) };

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        (await response.ShouldBeInvalidAsync()).Keys.ShouldBe(["scope.storeIds"]);
    }

    [Fact]
    public async Task Create_ScopeAllAndPercentDecimals_Accepted()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["scope"] = new JsonObject { ["kind"] = "All" };
        body["quantity"] = new JsonObject { ["percent"] = 87.5m, ["rounding"] = "Up" };

        var created = await tenant.CreateRuleAsync(body);

        created.GetProperty("scope").GetProperty("kind").GetString().ShouldBe("All");
        created.GetProperty("quantity").GetProperty("percent").GetDecimal().ShouldBe(87.5m);
        created.GetProperty("quantity").GetProperty("rounding").GetString().ShouldBe("Up");
    }

    [Fact]
    public async Task Create_UnknownEnumValue_Returns400()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule();
        body["quantity"] = new JsonObject { ["rounding"] = "Sideways" };

        using var response = await tenant.Client.PostAsJsonAsync("/api/rules", body);

        var problem = await response.ShouldBeAsync(System.Net.HttpStatusCode.BadRequest);
        problem.Detail().ShouldContain("quantity.rounding");
    }

    [Fact]
    public async Task Update_InvalidBody_Returns400AndKeepsRule()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var id = (await tenant.CreateRuleAsync(tenant.ValidRule())).GetProperty("id").GetGuid();
        var body = tenant.ValidRule();
        body["quantity"] = new JsonObject { ["percent"] = -1 };

        using var response = await tenant.Client.PutAsJsonAsync($"/api/rules/{id}", body);

        (await response.ShouldBeInvalidAsync()).Keys.ShouldBe(["quantity.percent"]);
        (await tenant.Client.GetJsonAsync($"/api/rules/{id}")).GetProperty("version").GetInt64().ShouldBe(1);
    }
}
