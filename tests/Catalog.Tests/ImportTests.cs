using System.Net;
using System.Text;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Catalog.Tests;

public sealed class ImportTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task Import_NewRows_CreatesSkusAndCategoriesAndPublishes()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        await using var skus = await BusRecorder<MerchantSkuChanged>.StartAsync(factory.Bus);
        await using var categories = await BusRecorder<CategoryChanged>.StartAsync(factory.Bus);
        var csv = "Code,NAME,category\r\nTEE-1,\"Tee, white\",Shirts\r\ntee-2,\"Tee \"\"v\"\"\",shirts\r\nSOCK-1,,\r\n";

        var (status, body, raw) = await client.ImportAsync(csv);

        status.ShouldBe(HttpStatusCode.OK, raw);
        body!["created"]!.GetValue<int>().ShouldBe(3);
        body["failed"]!.GetValue<int>().ShouldBe(0);
        var list = (await client.GetJsonAsync("/api/catalog/merchant-skus")).Body!["items"]!.AsArray();
        list.Select(i => (i!["code"]!.GetValue<string>(), i["name"]!.GetValue<string>())).ShouldBe([("SOCK-1", "SOCK-1"), ("TEE-1", "Tee, white"), ("tee-2", "Tee \"v\"")]);
        var shirts = (await client.GetJsonAsync("/api/catalog/categories")).Body!["items"]!.AsArray().ShouldHaveSingleItem()!;
        shirts["name"]!.GetValue<string>().ShouldBe("Shirts");
        list[1]!["categoryId"]!.GetValue<Guid>().ShouldBe(shirts["id"]!.GetValue<Guid>());
        list[2]!["categoryId"]!.GetValue<Guid>().ShouldBe(shirts["id"]!.GetValue<Guid>());

        await skus.WaitForCountAsync(e => e.TenantId == tenant && e.Version == 1, 3);
        await categories.WaitForAsync(e => e.TenantId == tenant && e.Name == "Shirts" && e.Version == 1);
    }

    [Fact]
    public async Task Import_ExistingCodes_UpdatesChangedRowsOnly()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        var id = await client.CreateSkuAsync("KEEP-1");
        await client.CreateSkuAsync("SAME-1");
        await using var skus = await BusRecorder<MerchantSkuChanged>.StartAsync(factory.Bus);

        var (status, body, raw) = await client.ImportAsync(Api.Csv(["keep-1,Renamed,Mugs", "SAME-1,SAME-1 name,", "NEW-1,New,"]));

        status.ShouldBe(HttpStatusCode.OK, raw);
        (body!["created"]!.GetValue<int>(), body["updated"]!.GetValue<int>(), body["unchanged"]!.GetValue<int>()).ShouldBe((1, 1, 1));
        var updated = await skus.WaitForAsync(e => e.MerchantSkuId == id && e.Version == 2);
        (updated.Version, updated.Name, updated.Code).ShouldBe((2L, "Renamed", "KEEP-1"));
        (await client.GetJsonAsync($"/api/catalog/merchant-skus/{id}")).Body!["version"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task Import_BadRows_FailAloneWithRowNumbers()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var rows = new[]
        {
            "OK-1,Fine,Cat A",                   // row 2
            ",No code,",                         // row 3
            $"{new string('x', 101)},Too long,", // row 4
            "BAD\u0007CODE,Bell,",               // row 5
            "ok-1,Again,",                       // row 6: duplicate of row 2
            "TWO-FIELDS,only",                   // row 7
            "OK-2,Fine too,Cat B",               // row 8
            "OK-3,\"multi\nline name\",",        // row 9 (one record over two lines)
            "BADCAT,x,\"cat\u0001\"",            // row 10
        };

        var (status, body, raw) = await client.ImportAsync(Api.Csv(rows));

        status.ShouldBe(HttpStatusCode.OK, raw);
        body!["created"]!.GetValue<int>().ShouldBe(2);
        body["failed"]!.GetValue<int>().ShouldBe(7);
        var errors = body["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["reason"]!.GetValue<string>())).ToList();
        errors.Select(e => e.Item1).ShouldBe([3, 4, 5, 6, 7, 9, 10]);
        errors[0].Item2.ShouldContain("required");
        errors[1].Item2.ShouldContain("100");
        errors[2].Item2.ShouldContain("control");
        errors[3].Item2.ShouldContain("row 2");
        errors[4].Item2.ShouldContain("3 fields");
        errors[5].Item2.ShouldContain("control", customMessage: "a line break in a name is a control character");
        errors[6].Item2.ShouldContain("category");
        var codes = (await client.GetJsonAsync("/api/catalog/merchant-skus")).Body!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>());
        codes.ShouldBe(["OK-1", "OK-2"]);
        var categories = (await client.GetJsonAsync("/api/catalog/categories")).Body!["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>());
        categories.ShouldBe(["Cat A", "Cat B"], "a failed row creates no category");
    }

    [Theory]
    [InlineData("code,name\nA,B\n")]
    [InlineData("sku,name,category\nA,B,C\n")]
    [InlineData("code,name,category,extra\nA,B,C,D\n")]
    [InlineData("")]
    public async Task Import_BadHeader_BadRequestNothingStored(string csv)
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var (status, body, _) = await client.ImportAsync(csv);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["detail"]!.GetValue<string>().ShouldContain("code,name,category");
        (await client.GetJsonAsync("/api/catalog/merchant-skus")).Body!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("A,\"unterminated,x\nB,b,\n")]
    [InlineData("A,\"quoted\"tail,x\n")]
    [InlineData("GOOD,g,\nA,stray\"quote,x\n")]
    public async Task Import_BadQuoting_BadRequestNothingStored(string rows)
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var (status, body, raw) = await client.ImportAsync("code,name,category\n" + rows);
        status.ShouldBe(HttpStatusCode.BadRequest, raw);
        body!["detail"]!.GetValue<string>().ShouldContain("not valid CSV");
        (await client.GetJsonAsync("/api/catalog/merchant-skus")).Body!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_MoreThan50000Rows_BadRequestNamingLimit()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var csv = new StringBuilder("code,name,category\n");
        for (var i = 0; i <= 50_000; i++)
        {
            csv.Append("C-").Append(i).Append(",n,\n");
        }

        var (status, body, _) = await client.ImportAsync(csv.ToString());

        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["detail"]!.GetValue<string>().ShouldContain("50000");
        (await client.GetJsonAsync("/api/catalog/merchant-skus")).Body!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_NotCsvContentType_UnsupportedMediaType()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        (await client.ImportAsync(Api.Csv(["A,B,"]), "application/json")).Status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }
}
