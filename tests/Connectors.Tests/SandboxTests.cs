using System.Net;
using System.Text.Json.Nodes;
using PushInventory.Connectors.Shopee;

namespace PushInventory.Connectors.Tests;

/// <summary>The sandbox's own rejections, each in the marketplace's form, from signed requests written by hand.</summary>
public sealed class SandboxTests(SandboxFixture sandbox)
{
    private SandboxDriver Driver => sandbox.Driver;

    private RawRequests Raw => new(sandbox.Driver);

    private static string? Text(JsonNode? node) => node?.ToString();

    [Theory]
    [InlineData(-400)]
    [InlineData(400)]
    public async Task Shopee_TimestampOutsideFiveMinutes_ErrorAuth(int offsetSeconds)
    {
        var store = await Driver.RegisterShopeeAsync();

        var (status, body) = await Raw.ShopeeAsync(store, RawRequests.ShopeeStock(5, 1), timestamp: RawRequests.Now + offsetSeconds);

        status.ShouldBe(HttpStatusCode.Forbidden);
        Text(body!["error"]).ShouldBe("error_auth");
        Text(body["message"])!.ShouldContain("timestamp");
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-7300)]
    [InlineData(7300)]
    public async Task Lazada_TimestampOutside7200Seconds_InvalidTimestamp(int offsetSeconds)
    {
        var store = await Driver.RegisterLazadaAsync();

        var (status, body) = await Raw.LazadaAsync(store, RawRequests.LazadaPayload(1), timestampMs: DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeMilliseconds());

        status.ShouldBe(HttpStatusCode.OK);
        Text(body!["code"]).ShouldBe("InvalidTimestamp");
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-400, false)]
    [InlineData(60, false)]
    [InlineData(-240, true)]
    [InlineData(20, true)]
    public async Task TikTok_Timestamp_AcceptedFrom5MinutesOldTo30SecondsAhead(int offsetSeconds, bool accepted)
    {
        var store = await Driver.RegisterTikTokShopAsync();

        var (status, body) = await Raw.TikTokAsync(store, 7, RawRequests.TikTokSkus(1), timestamp: RawRequests.Now + offsetSeconds);

        if (accepted)
        {
            status.ShouldBe(HttpStatusCode.OK);
            Text(body!["code"]).ShouldBe("0");
            (await Driver.StockAsync(store)).Sku("7:1")!.Quantity.ShouldBe(1);
        }
        else
        {
            status.ShouldBe(HttpStatusCode.Unauthorized);
            Text(body!["code"]).ShouldBe("106002");
            (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Shopee_51Models_ErrorParam()
    {
        var store = await Driver.RegisterShopeeAsync();

        var (tooMany, tooManyBody) = await Raw.ShopeeAsync(store, RawRequests.ShopeeStock(5, 51));
        var (fifty, fiftyBody) = await Raw.ShopeeAsync(store, RawRequests.ShopeeStock(6, 50));

        tooMany.ShouldBe(HttpStatusCode.BadRequest);
        Text(tooManyBody!["error"]).ShouldBe("error_param");
        fifty.ShouldBe(HttpStatusCode.OK);
        ((JsonArray)fiftyBody!["response"]!["success_list"]!).Count.ShouldBe(50);
        (await Driver.StockAsync(store)).Skus.Count.ShouldBe(50);
    }

    [Fact]
    public async Task Lazada_51Skus_InvalidParameter()
    {
        var store = await Driver.RegisterLazadaAsync();

        var (status, body) = await Raw.LazadaAsync(store, RawRequests.LazadaPayload(51));
        var (_, fiftyBody) = await Raw.LazadaAsync(store, RawRequests.LazadaPayload(50));

        status.ShouldBe(HttpStatusCode.OK);
        Text(body!["code"]).ShouldBe("InvalidParameter");
        Text(body["type"]).ShouldBe("ISV");
        Text(fiftyBody!["code"]).ShouldBe("0");
        (await Driver.StockAsync(store)).Skus.Count.ShouldBe(50);
    }

    [Fact]
    public async Task TikTok_101Skus_InvalidParams()
    {
        var store = await Driver.RegisterTikTokShopAsync();

        var (status, body) = await Raw.TikTokAsync(store, 8, RawRequests.TikTokSkus(101));
        var (_, hundredBody) = await Raw.TikTokAsync(store, 9, RawRequests.TikTokSkus(100));

        status.ShouldBe(HttpStatusCode.BadRequest);
        Text(body!["code"]).ShouldBe("12052001");
        Text(hundredBody!["code"]).ShouldBe("0");
        (await Driver.StockAsync(store)).Skus.Count.ShouldBe(100);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"item_id": "5", "stock_list": [{"model_id": 1, "seller_stock": [{"stock": 1}]}]}""")]
    [InlineData("""{"item_id": 5, "stock_list": [1]}""")]
    [InlineData("""{"item_id": 5, "stock_list": [{"model_id": "x", "seller_stock": [{"stock": 1}]}]}""")]
    [InlineData("""{"item_id": 5, "stock_list": [{"model_id": 1, "seller_stock": {"stock": 1}}]}""")]
    [InlineData("""{"item_id": 5, "stock_list": [{"model_id": 1, "seller_stock": [{"stock": "1"}]}]}""")]
    [InlineData("""{"item_id": 5, "stock_list": [{"model_id": 1, "seller_stock": [{"stock": 1.5}]}]}""")]
    [InlineData("""{"item_id": 5, "stock_list": [{"model_id": 1, "seller_stock": [{"location_id": 7, "stock": 1}]}]}""")]
    [InlineData("""{"item_id": 5, "stock_list": [{"model_id": 1, "seller_stock": [null]}]}""")]
    public async Task Shopee_MalformedUpdateStock_ErrorParam(string body)
    {
        var store = await Driver.RegisterShopeeAsync();

        var (status, answer) = await Raw.ShopeeAsync(store, body);

        status.ShouldBe(HttpStatusCode.BadRequest);
        Text(answer!["error"]).ShouldBe("error_param");
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"item_id": 5, "pre_order": {"is_pre_order": true, "days_to_ship": "ten"}}""")]
    [InlineData("""{"item_id": 5, "pre_order": {"is_pre_order": "yes", "days_to_ship": 10}}""")]
    [InlineData("""{"item_id": 5.5, "pre_order": {"is_pre_order": true, "days_to_ship": 10}}""")]
    [InlineData("""["item_id"]""")]
    public async Task Shopee_MalformedUpdateItem_ErrorParam(string body)
    {
        var store = await Driver.RegisterShopeeAsync();

        var (status, answer) = await Raw.ShopeeAsync(store, body, ShopeeConnector.UpdateItemPath);

        status.ShouldBe(HttpStatusCode.BadRequest);
        Text(answer!["error"]).ShouldBe("error_param");
        (await Driver.StockAsync(store)).PreOrders.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"skus": {"id": "1"}}""")]
    [InlineData("""{"skus": [{"id": 1, "inventory": [{"quantity": 1}]}]}""")]
    [InlineData("""{"skus": [{"id": "1", "inventory": [{"quantity": "1"}]}]}""")]
    [InlineData("""{"skus": [{"id": "1", "inventory": [{"quantity": 1, "warehouse_id": 7}]}]}""")]
    [InlineData("""{"skus": [{"id": "1", "inventory": {"quantity": 1}}]}""")]
    [InlineData("""{"skus": [{"id": "1", "inventory": [null]}]}""")]
    [InlineData("""{"skus": [{"id": "1", "inventory": [{"quantity": 99999999999}]}]}""")]
    public async Task TikTok_MalformedBody_InvalidParams(string body)
    {
        var store = await Driver.RegisterTikTokShopAsync();

        var (status, answer) = await Raw.TikTokAsync(store, 11, body);

        status.ShouldBe(HttpStatusCode.BadRequest);
        Text(answer!["code"]).ShouldBe("12052001");
        Text(answer["message"])!.ShouldStartWith("Invalid params");
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not xml")]
    [InlineData("<Request><Product><Skus><Sku>")]
    [InlineData("")]
    [InlineData("<Other/>")]
    public async Task Lazada_MalformedPayload_InvalidParameter(string payload)
    {
        var store = await Driver.RegisterLazadaAsync();

        var (status, body) = await Raw.LazadaAsync(store, payload);

        status.ShouldBe(HttpStatusCode.OK);
        Text(body!["code"]).ShouldBe("InvalidParameter");
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }

    [Fact]
    public async Task Lazada_NegativeOrNonNumericQuantity_DetailPerSku()
    {
        var store = await Driver.RegisterLazadaAsync();
        const string payload = "<Request><Product><Skus>"
            + "<Sku><SellerSku>NEG</SellerSku><SellableQuantity>-1</SellableQuantity></Sku>"
            + "<Sku><SellerSku>TEXT</SellerSku><SellableQuantity>many</SellableQuantity></Sku>"
            + "<Sku><SellerSku>OK</SellerSku><SellableQuantity>3</SellableQuantity></Sku>"
            + "</Skus></Product></Request>";

        var (_, body) = await Raw.LazadaAsync(store, payload);

        Text(body!["code"]).ShouldBe("501");
        ((JsonArray)body["detail"]!).Select(d => (Text(d!["seller_sku"]), Text(d["code"]))).ShouldBe([("NEG", "InvalidParameter"), ("TEXT", "InvalidParameter")]);
        (await Driver.StockAsync(store)).Skus.Select(s => s.Sku).ShouldBe(["OK"]);
    }

    [Theory]
    [InlineData("md5")]
    [InlineData("")]
    public async Task Lazada_WrongSignMethod_InvalidSignMethod(string signMethod)
    {
        var store = await Driver.RegisterLazadaAsync();

        var (_, body) = await Raw.LazadaAsync(store, RawRequests.LazadaPayload(1), signMethod: signMethod);

        Text(body!["code"]).ShouldBe("InvalidSignMethod");
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lazada_SystemParametersInQueryOrForm_BothAccepted(bool allInForm)
    {
        var store = await Driver.RegisterLazadaAsync();

        var (_, body) = await Raw.LazadaAsync(store, RawRequests.LazadaPayload(2), allInForm: allInForm);

        Text(body!["code"]).ShouldBe("0");
        (await Driver.StockAsync(store)).Skus.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Shopee_LocationIdForShopWithoutWarehouses_FailsTheModel()
    {
        var store = await Driver.RegisterShopeeAsync();
        const string body = """{"item_id": 5, "stock_list": [{"model_id": 1, "seller_stock": [{"location_id": "PHZ01", "stock": 3}]}, {"model_id": 2, "seller_stock": [{"stock": 4}]}]}""";

        var (status, answer) = await Raw.ShopeeAsync(store, body);

        status.ShouldBe(HttpStatusCode.OK);
        var failure = ((JsonArray)answer!["response"]!["failure_list"]!).Single()!;
        Text(failure["model_id"]).ShouldBe("1");
        Text(failure["failed_reason"])!.ShouldContain("location_id");
        var stock = await Driver.StockAsync(store);
        stock.Sku("5:1").ShouldBeNull();
        stock.Sku("5:2")!.Warehouses.ShouldBe(new Dictionary<string, int> { ["default"] = 4 });
    }

    [Fact]
    public async Task Shopee_ShopWithWarehouses_NeedsKnownLocationIds()
    {
        var store = await Driver.RegisterShopeeAsync(warehouses: ["PHZ01", "PHZ02"]);
        const string body = """
            {"item_id": 5, "stock_list": [
              {"model_id": 1, "seller_stock": [{"stock": 3}]},
              {"model_id": 2, "seller_stock": [{"location_id": "PHZ09", "stock": 3}]},
              {"model_id": 3, "seller_stock": [{"location_id": "PHZ01", "stock": 3}, {"location_id": "PHZ02", "stock": 2}]}]}
            """;

        var (_, answer) = await Raw.ShopeeAsync(store, body);

        ((JsonArray)answer!["response"]!["failure_list"]!).Select(f => Text(f!["model_id"])).ShouldBe(["1", "2"]);
        var stock = await Driver.StockAsync(store);
        stock.Skus.Select(s => s.Sku).ShouldBe(["5:3"]);
        stock.Sku("5:3")!.Warehouses.ShouldBe(new Dictionary<string, int> { ["PHZ01"] = 3, ["PHZ02"] = 2 }, ignoreOrder: true);
    }

    [Fact]
    public async Task Lazada_FormatMustMatchTheSellersWarehouses()
    {
        var single = await Driver.RegisterLazadaAsync();
        var multi = await Driver.RegisterLazadaAsync(warehouses: ["dropshipping", "WH-MNL"]);
        const string plain = "<Sku><SellerSku>PLAIN</SellerSku><SellableQuantity>4</SellableQuantity></Sku>";
        const string multiSku = "<Sku><SellerSku>MULTI</SellerSku><MultiWarehouseInventories>"
            + "<MultiWarehouseInventory><WarehouseCode>dropshipping</WarehouseCode><SellableQuantity>5</SellableQuantity></MultiWarehouseInventory>"
            + "<MultiWarehouseInventory><WarehouseCode>WH-MNL</WarehouseCode><SellableQuantity>1</SellableQuantity></MultiWarehouseInventory>"
            + "</MultiWarehouseInventories></Sku>";
        const string unknownCode = "<Sku><SellerSku>ELSEWHERE</SellerSku><MultiWarehouseInventories>"
            + "<MultiWarehouseInventory><WarehouseCode>WH-CEB</WarehouseCode><SellableQuantity>5</SellableQuantity></MultiWarehouseInventory>"
            + "</MultiWarehouseInventories></Sku>";
        var payload = $"<Request><Product><Skus>{plain}{multiSku}{unknownCode}</Skus></Product></Request>";

        var (_, singleBody) = await Raw.LazadaAsync(single, payload);
        var (_, multiBody) = await Raw.LazadaAsync(multi, payload);

        ((JsonArray)singleBody!["detail"]!).Select(d => Text(d!["seller_sku"])).ShouldBe(["MULTI", "ELSEWHERE"]);
        ((JsonArray)multiBody!["detail"]!).Select(d => Text(d!["seller_sku"])).ShouldBe(["PLAIN", "ELSEWHERE"]);
        ((JsonArray)multiBody["detail"]!).ShouldAllBe(d => Text(d!["code"]) == "InvalidParameter");
        (await Driver.StockAsync(single)).Sku("PLAIN")!.Warehouses.ShouldBe(new Dictionary<string, int> { ["default"] = 4 });
        (await Driver.StockAsync(multi)).Sku("MULTI")!.Warehouses.ShouldBe(new Dictionary<string, int> { ["dropshipping"] = 5, ["WH-MNL"] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task TikTok_SkuOmittingAWarehouse_ErrorNamesTheWarehouse()
    {
        var store = await Driver.RegisterTikTokShopAsync(warehouses: ["W1", "W2"]);
        const string body = """
            {"skus": [
              {"id": "1", "inventory": [{"warehouse_id": "W1", "quantity": 3}]},
              {"id": "2", "inventory": [{"warehouse_id": "W1", "quantity": 3}, {"warehouse_id": "W2", "quantity": 1}]},
              {"id": "3", "inventory": [{"quantity": 3}, {"warehouse_id": "W2", "quantity": 1}]}]}
            """;

        var (status, answer) = await Raw.TikTokAsync(store, 12, body);

        status.ShouldBe(HttpStatusCode.OK);
        var errors = (JsonArray)answer!["data"]!["errors"]!;
        errors.Select(e => Text(e!["detail"]!["sku_id"])).ShouldBe(["1", "3"]);
        Text(errors[0]!["detail"]!["warehouse_id"]).ShouldBe("W2");
        Text(errors[0]!["code"]).ShouldBe("12052002");
        var stock = await Driver.StockAsync(store);
        stock.Skus.Select(s => s.Sku).ShouldBe(["12:2"]);
        stock.Sku("12:2")!.Warehouses.ShouldBe(new Dictionary<string, int> { ["W1"] = 3, ["W2"] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public async Task TikTok_SingleWarehouseShop_TakesOneInventoryEntry()
    {
        var store = await Driver.RegisterTikTokShopAsync();
        const string body = """
            {"skus": [
              {"id": "1", "inventory": [{"quantity": 3}]},
              {"id": "2", "inventory": [{"warehouse_id": "W1", "quantity": 3}, {"warehouse_id": "W2", "quantity": 1}]}]}
            """;

        var (_, answer) = await Raw.TikTokAsync(store, 13, body);

        ((JsonArray)answer!["data"]!["errors"]!).Select(e => Text(e!["detail"]!["sku_id"])).ShouldBe(["2"]);
        (await Driver.StockAsync(store)).Sku("13:1")!.Warehouses.ShouldBe(new Dictionary<string, int> { ["default"] = 3 });
    }
}
