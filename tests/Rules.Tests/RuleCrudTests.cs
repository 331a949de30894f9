using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults;

namespace PushInventory.Rules.Tests;

public sealed class RuleCrudTests(RulesFixture fixture) : IClassFixture<RulesFixture>
{
    [Fact]
    public async Task Create_ValidRule_Returns201WithDefaultsAndCanonicalCodes()
    {
        var tenant = await TestTenant.CreateAsync(fixture);

        var created = await tenant.CreateRuleAsync(tenant.ValidRule());

        created.GetProperty("name").GetString().ShouldBe("Main rule");
        created.GetProperty("priority").GetInt32().ShouldBe(10);
        created.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        created.GetProperty("version").GetInt64().ShouldBe(1);
        created.GetProperty("scope").GetProperty("kind").GetString().ShouldBe("Skus");
        created.GetProperty("scope").GetProperty("merchantSkuCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["SKU-1", "SKU-2"]);
        created.GetProperty("warehouseCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe([tenant.Warehouse]);
        created.GetProperty("storeIds").EnumerateArray().Select(c => c.GetGuid()).ShouldBe([tenant.ShopeePh, tenant.Lazada]);
        var quantity = created.GetProperty("quantity");
        quantity.GetProperty("percent").GetDecimal().ShouldBe(100m);
        quantity.GetProperty("offset").GetInt32().ShouldBe(0);
        quantity.GetProperty("rounding").GetString().ShouldBe("Down");
        quantity.GetProperty("buffer").GetInt32().ShouldBe(0);
        quantity.GetProperty("max").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var id = created.GetProperty("id").GetGuid();
        var fetched = await tenant.Client.GetJsonAsync($"/api/rules/{id}");
        fetched.GetProperty("name").GetString().ShouldBe("Main rule");
        fetched.GetProperty("storeIds").EnumerateArray().Select(c => c.GetGuid()).ShouldBe([tenant.ShopeePh, tenant.Lazada]);
    }

    [Fact]
    public async Task Create_FullRule_PublishesPushRuleChangedWithFullSnapshot()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var body = tenant.ValidRule("Pre-order", 3);
        body["enabled"] = false;
        body["storeIds"] = new JsonArray(tenant.ShopeePh.ToString(), tenant.ShopeeMy.ToString());
        body["warehouseCodes"] = new JsonArray(tenant.Warehouse, tenant.Warehouse2);
        body["quantity"] = new JsonObject { ["percent"] = 150.5m, ["offset"] = 200, ["rounding"] = "Nearest", ["buffer"] = 2, ["max"] = 500 };
        body["aboutToSellOut"] = new JsonObject { ["threshold"] = 10, ["designatedStoreId"] = tenant.ShopeePh.ToString() };
        body["preOrder"] = new JsonObject { ["enableAtOrBelow"] = 5, ["addQuantity"] = 30, ["closeAbove"] = 50, ["daysToShip"] = 7 };

        var created = await tenant.CreateRuleAsync(body);

        var id = created.GetProperty("id").GetGuid();
        var message = await fixture.RuleChanges.WaitForAsync(m => m.RuleId == id);
        message.TenantId.ShouldBe(tenant.Id);
        message.Name.ShouldBe("Pre-order");
        message.Priority.ShouldBe(3);
        message.Enabled.ShouldBeFalse();
        message.Version.ShouldBe(1);
        message.Deleted.ShouldBeFalse();
        message.CreatedAt.ShouldBe(created.GetProperty("createdAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
        message.Scope.Kind.ShouldBe(RuleScopeKind.Skus);
        message.Scope.MerchantSkuCodes.ShouldBe(["SKU-1", "SKU-2"]);
        message.WarehouseCodes.ShouldBe([tenant.Warehouse, tenant.Warehouse2]);
        message.StoreIds.ShouldBe([tenant.ShopeePh, tenant.ShopeeMy]);
        message.Quantity.ShouldBe(new QuantityFormula(150.5m, 200, Rounding.Nearest, 2, 500));
        message.AboutToSellOut.ShouldBe(new AboutToSellOut(10, tenant.ShopeePh));
        message.PreOrder.ShouldBe(new PreOrderPolicy(5, 30, 50, 7));
    }

    [Fact]
    public async Task Update_ChangesRule_BumpsVersionKeepsCreatedAtAuditsAndPublishes()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var created = await tenant.CreateRuleAsync(tenant.ValidRule());
        var id = created.GetProperty("id").GetGuid();
        var body = tenant.ValidRule("Renamed", 1);
        body["scope"] = new JsonObject { ["kind"] = "Categories", ["categoryIds"] = new JsonArray(tenant.Category.ToString()) };
        body["storeIds"] = new JsonArray(tenant.Lazada.ToString());

        using var response = await tenant.Client.PutAsJsonAsync($"/api/rules/{id}", body);

        var updated = await response.ShouldBeAsync(HttpStatusCode.OK);
        updated.GetProperty("version").GetInt64().ShouldBe(2);
        updated.GetProperty("name").GetString().ShouldBe("Renamed");
        updated.GetProperty("createdAt").GetDateTime().ShouldBe(created.GetProperty("createdAt").GetDateTime());
        updated.GetProperty("storeIds").EnumerateArray().Select(s => s.GetGuid()).ShouldBe([tenant.Lazada]);
        var message = await fixture.RuleChanges.WaitForAsync(m => m.RuleId == id && m.Version == 2);
        message.Name.ShouldBe("Renamed");
        message.Scope.Kind.ShouldBe(RuleScopeKind.Categories);
        message.Scope.CategoryIds.ShouldBe([tenant.Category]);
        message.Scope.MerchantSkuCodes.ShouldBeEmpty();
        message.StoreIds.ShouldBe([tenant.Lazada]);
        var fetched = await tenant.Client.GetJsonAsync($"/api/rules/{id}");
        fetched.GetProperty("name").GetString().ShouldBe("Renamed");
        fetched.GetProperty("storeIds").EnumerateArray().Select(s => s.GetGuid()).ShouldBe([tenant.Lazada]);
    }

    [Fact]
    public async Task Delete_Rule_Returns204ThenNotFoundAndPublishesDeleted()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var id = (await tenant.CreateRuleAsync(tenant.ValidRule())).GetProperty("id").GetGuid();

        using var response = await tenant.Client.DeleteAsync($"/api/rules/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await tenant.Client.GetJsonAsync($"/api/rules/{id}", HttpStatusCode.NotFound);
        (await tenant.Client.DeleteAsync($"/api/rules/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var message = await fixture.RuleChanges.WaitForAsync(m => m.RuleId == id && m.Deleted);
        message.Version.ShouldBe(2);
        message.Name.ShouldBe("Main rule");
        message.StoreIds.ShouldBe([tenant.ShopeePh, tenant.Lazada]);
        var list = await tenant.Client.GetJsonAsync("/api/rules");
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Audit_EveryChange_NewestFirstWithBeforeAfterAndWho()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var id = (await tenant.CreateRuleAsync(tenant.ValidRule("First name"))).GetProperty("id").GetGuid();
        using var other = fixture.Factory.CreateTenantClient(tenant.Id);
        other.DefaultRequestHeaders.Remove("X-Actor");
        other.DefaultRequestHeaders.Add("X-Actor", "key-42");
        (await other.PutAsJsonAsync($"/api/rules/{id}", tenant.ValidRule("Second name"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tenant.Client.DeleteAsync($"/api/rules/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var audit = await tenant.Client.GetJsonAsync($"/api/rules/{id}/audit");

        var items = audit.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("action").GetString()).ShouldBe(["Deleted", "Updated", "Created"]);
        items.Select(i => i.GetProperty("version").GetInt64()).ShouldBe([3L, 2L, 1L]);
        items.Select(i => i.GetProperty("actor").GetString()).ShouldBe(["test", "key-42", "test"]);
        items.ShouldAllBe(i => i.GetProperty("at").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        items[2].GetProperty("before").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        items[2].GetProperty("after").GetProperty("name").GetString().ShouldBe("First name");
        items[1].GetProperty("before").GetProperty("name").GetString().ShouldBe("First name");
        items[1].GetProperty("after").GetProperty("name").GetString().ShouldBe("Second name");
        items[1].GetProperty("after").GetProperty("version").GetInt64().ShouldBe(2);
        items[0].GetProperty("before").GetProperty("name").GetString().ShouldBe("Second name");
        items[0].GetProperty("after").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        audit.GetProperty("nextCursor").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Audit_Paged_ReturnsEveryEntryOnce()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var id = (await tenant.CreateRuleAsync(tenant.ValidRule())).GetProperty("id").GetGuid();
        for (var i = 0; i < 4; i++)
        {
            (await tenant.Client.PutAsJsonAsync($"/api/rules/{id}", tenant.ValidRule($"Name {i}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var versions = new List<long>();
        string? cursor = null;
        do
        {
            var page = await tenant.Client.GetJsonAsync($"/api/rules/{id}/audit?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            versions.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("version").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        versions.ShouldBe([5L, 4L, 3L, 2L, 1L]);
    }

    [Fact]
    public async Task List_OrdersByPriorityThenCreatedAtAndFilters()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var a = await tenant.CreateRuleAsync(tenant.ValidRule("A", 5));
        var b = tenant.ValidRule("B", 1);
        b["enabled"] = false;
        b["storeIds"] = new JsonArray(tenant.ShopeeMy.ToString());
        await tenant.CreateRuleAsync(b);
        await tenant.CreateRuleAsync(tenant.ValidRule("C", 5));
        await tenant.CreateRuleAsync(tenant.ValidRule("D", 0));

        var all = await tenant.Client.GetJsonAsync("/api/rules");
        var disabled = await tenant.Client.GetJsonAsync("/api/rules?enabled=false");
        var enabled = await tenant.Client.GetJsonAsync("/api/rules?enabled=true");
        var byStore = await tenant.Client.GetJsonAsync($"/api/rules?storeId={tenant.ShopeeMy}");

        Names(all).ShouldBe(["D", "B", "A", "C"]);
        Names(disabled).ShouldBe(["B"]);
        Names(enabled).ShouldBe(["D", "A", "C"]);
        Names(byStore).ShouldBe(["B"]);
        a.GetProperty("priority").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task List_Paged_WalksEveryRuleOnceInOrder()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        foreach (var (name, priority) in new[] { ("P3a", 3), ("P1", 1), ("P3b", 3), ("P2", 2), ("P3c", 3) })
        {
            await tenant.CreateRuleAsync(tenant.ValidRule(name, priority));
        }

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await tenant.Client.GetJsonAsync("/api/rules?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            page.GetProperty("items").GetArrayLength().ShouldBeLessThanOrEqualTo(2);
            names.AddRange(Names(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        names.ShouldBe(["P1", "P2", "P3a", "P3b", "P3c"]);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=bm9wZQ")]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    public async Task List_BadPaging_Returns400(string query)
    {
        var tenant = await TestTenant.CreateAsync(fixture);

        using var response = await tenant.Client.GetAsync($"/api/rules?{query}");

        (await response.ShouldBeInvalidAsync()).Keys.ShouldHaveSingleItem().ShouldBe(query.Split('=')[0]);
    }

    [Fact]
    public async Task AnotherTenantsRule_AnsweredAsUnknown()
    {
        var owner = await TestTenant.CreateAsync(fixture);
        var intruder = await TestTenant.CreateAsync(fixture);
        var id = (await owner.CreateRuleAsync(owner.ValidRule())).GetProperty("id").GetGuid();

        await intruder.Client.GetJsonAsync($"/api/rules/{id}", HttpStatusCode.NotFound);
        await intruder.Client.GetJsonAsync($"/api/rules/{id}/audit", HttpStatusCode.NotFound);
        (await intruder.Client.PutAsJsonAsync($"/api/rules/{id}", intruder.ValidRule())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.DeleteAsync($"/api/rules/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await intruder.Client.GetJsonAsync("/api/rules")).GetProperty("items").GetArrayLength().ShouldBe(0);

        var stillThere = await owner.Client.GetJsonAsync($"/api/rules/{id}");
        stillThere.GetProperty("version").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Create_5000Codes_StoredAndPublished()
    {
        var tenant = await TestTenant.CreateAsync(fixture);
        var codes = Enumerable.Range(0, 5000).Select(i => $"BULK-{i:D5}").ToList();
        // The read model is written directly: 5000 events through the consumer would make this test (and the
        // class's others, which share the host) about the consumer's throughput on a slow disk, not about rules.
        await tenant.WithDbAsync(async db =>
        {
            db.MerchantSkus.AddRange(codes.Select(c => new Domain.MerchantSku { Id = Guid.NewGuid(), TenantId = tenant.Id, Code = c, NormalizedCode = Codes.Normalize(c), Version = 1 }));
            return await db.SaveChangesAsync();
        });
        var body = tenant.ValidRule();
        body["scope"] = new JsonObject { ["kind"] = "Skus", ["merchantSkuCodes"] = new JsonArray(codes.Select(c => (JsonNode)JsonValue.Create(c.ToLowerInvariant())).ToArray()) };

        var created = await tenant.CreateRuleAsync(body);

        var id = created.GetProperty("id").GetGuid();
        (await tenant.Client.GetJsonAsync($"/api/rules/{id}")).GetProperty("scope").GetProperty("merchantSkuCodes").GetArrayLength().ShouldBe(5000);
        var message = await fixture.RuleChanges.WaitForAsync(m => m.RuleId == id);
        message.Scope.MerchantSkuCodes.ShouldBe(codes);
    }

    static List<string> Names(System.Text.Json.JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString() ?? "").ToList();
}
