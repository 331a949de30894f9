using System.Net;
using System.Net.Http.Json;
using System.Text;
using Shouldly;
using Xunit;

namespace PushInventory.Stock.Tests;

public sealed class BadInputTests(StockFixture fixture) : IClassFixture<StockFixture>
{
    static async Task<string> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return body;
    }

    async Task AssertNothingStoredAsync(TenantScope t)
    {
        (await t.LevelsAsync("SKU-1")).Levels.ShouldBeEmpty();
        fixture.StockChanges.Messages.ShouldNotContain(c => c.TenantId == t.TenantId);
    }

    [Theory]
    [InlineData("{\"movements\":[{\"id\":\"m\",\"merchantSkuCode\":\"SKU-1\",\"warehouseCode\":\"WH-A\",\"kind\":\"StockIn\",\"quantity\":0}]}", "movements[0].quantity")]
    [InlineData("{\"movements\":[{\"id\":\"m\",\"merchantSkuCode\":\"SKU-1\",\"warehouseCode\":\"WH-A\",\"kind\":\"StockIn\",\"quantity\":-3}]}", "movements[0].quantity")]
    [InlineData("{\"movements\":[{\"id\":\"m\",\"merchantSkuCode\":\"SKU-1\",\"warehouseCode\":\"WH-A\",\"kind\":\"StockIn\",\"quantity\":2147483648}]}", "$.movements[0].quantity")]
    [InlineData("{\"movements\":[{\"id\":\"m\",\"merchantSkuCode\":\"SKU-1\",\"warehouseCode\":\"WH-A\",\"kind\":\"Teleport\",\"quantity\":1}]}", "$.movements[0].kind")]
    [InlineData("{\"movements\":[{\"id\":\"m\",\"merchantSkuCode\":\"SKU-1\",\"warehouseCode\":\"WH-A\",\"kind\":\"StockIn\",\"quantity\":\"5\"}]}", "$.movements[0].quantity")]
    [InlineData("{\"movements\":[{\"id\":\"m\",\"warehouseCode\":\"WH-A\",\"kind\":\"StockIn\",\"quantity\":1}]}", "merchantSkuCode")]
    [InlineData("{\"movements\":[{\"id\":\"m\",\"merchantSkuCode\":\"SKU\\u0001\",\"warehouseCode\":\"WH-A\",\"kind\":\"StockIn\",\"quantity\":1}]}", "control characters")]
    [InlineData("{\"movements\":[]}", "at least one movement")]
    [InlineData("{\"movements\": [", "could not be read")]
    [InlineData("", "body")]
    public async Task PostMovements_MalformedBody_Returns400NamingTheProblemAndStoresNothing(string body, string named)
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1");

        var response = await t.Client.PostAsync("/api/stock/movements", new StringContent(body, Encoding.UTF8, "application/json"));

        (await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest)).ShouldContain(named);
        await AssertNothingStoredAsync(t);
    }

    [Fact]
    public async Task PostMovements_MoreThan1000_Returns400AndStoresNothing()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1");
        var movements = Enumerable.Range(0, 1001).Select(i => new { id = $"m{i}", merchantSkuCode = "SKU-1", warehouseCode = "WH-A", kind = "StockIn", quantity = 1 });

        var response = await t.Client.PostAsJsonAsync("/api/stock/movements", new { movements });

        (await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest)).ShouldContain("At most 1000 movements");
        await AssertNothingStoredAsync(t);
    }

    [Fact]
    public async Task PostMovements_BodyOver1MiB_Returns413()
    {
        var t = await fixture.NewTenantAsync(["WH-A"], "SKU-1");
        var body = "{\"movements\":[" + string.Join(',', Enumerable.Repeat("{\"id\":\"" + new string('x', 90) + "\",\"merchantSkuCode\":\"SKU-1\",\"warehouseCode\":\"WH-A\",\"kind\":\"StockIn\",\"quantity\":1}", 9000)) + "]}";

        var response = await t.Client.PostAsync("/api/stock/movements", new StringContent(body, Encoding.UTF8, "application/json"));

        (await ShouldBeProblemAsync(response, HttpStatusCode.RequestEntityTooLarge)).ShouldContain("limit of 1048576 bytes");
        await AssertNothingStoredAsync(t);
    }

    [Fact]
    public async Task AnyEndpoint_WithoutGatewayTenant_Returns401()
    {
        var client = fixture.Factory.CreateClient();

        var response = await client.GetAsync("/api/stock/warehouses");

        await ShouldBeProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateWarehouse_DuplicateCodeInOtherCase_Returns409()
    {
        var t = await fixture.NewTenantAsync(["WH-A"]);

        var response = await t.Client.PostAsJsonAsync("/api/stock/warehouses", new { code = " wh-a ", name = "again" });

        (await ShouldBeProblemAsync(response, HttpStatusCode.Conflict)).ShouldContain("already exists");
    }

    [Fact]
    public async Task Warehouses_OfAnotherTenant_AreInvisible()
    {
        var a = await fixture.NewTenantAsync(["ONLY-A"]);
        var b = await fixture.NewTenantAsync(["ONLY-B"]);

        var list = await b.Client.GetFromJsonAsync<List<WarehouseItem>>("/api/stock/warehouses", Json.Options);

        list.ShouldNotBeNull().Select(w => w.Code).ShouldBe(["ONLY-B"]);
        a.TenantId.ShouldNotBe(b.TenantId);
    }

    [Fact]
    public async Task Levels_WithoutCode_Returns400AndUnknownCode404()
    {
        var t = await fixture.NewTenantAsync(["WH-A"]);

        await ShouldBeProblemAsync(await t.Client.GetAsync("/api/stock/levels"), HttpStatusCode.BadRequest);
        (await ShouldBeProblemAsync(await t.Client.GetAsync("/api/stock/levels?merchantSkuCode=NOPE"), HttpStatusCode.NotFound)).ShouldContain("NOPE");
    }

    public sealed record WarehouseItem(Guid Id, string Code, string Name);
}
