using System.Text.Json.Nodes;
using PushInventory.Connectors.Resilience;
using PushInventory.Connectors.TikTokShop;
using PushInventory.Contracts;

namespace PushInventory.Connectors.Tests;

public sealed class TikTokShopConnectorTests(SandboxFixture sandbox)
{
    private SandboxDriver Driver => sandbox.Driver;

    private static string Key(StockUpdate u) => $"{u.ProductId}:{u.SkuId}";

    [Theory]
    [InlineData(new[] { 1 }, 1)]
    [InlineData(new[] { 250, 100, 150 }, 6)]
    public async Task PushAsync_SkusOfManyProducts_OneProductAndAtMost100SkusPerCall(int[] skusPerProduct, int expectedCalls)
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync();
        var updates = Updates.Many(skusPerProduct, (product, sku, q) => Updates.TikTok(product, sku, q));

        var results = await host.PushAsync(store, updates);

        results.ShouldAllBe(r => r.Succeeded);
        var stock = await Driver.StockAsync(store);
        stock.Skus.Count.ShouldBe(updates.Count);
        foreach (var update in updates)
        {
            stock.Sku(Key(update))!.Quantity.ShouldBe(update.Quantity);
        }

        (await Driver.CallsAsync(store)).Count.ShouldBe(expectedCalls);
    }

    [Fact]
    public async Task PushAsync_Warehouses_EverySkuListsAllOfItsWarehouses()
    {
        await using var host = new ConnectorHost();
        var plain = Updates.TikTok(Updates.BaseId, Updates.BaseId + 1, 4);
        var own = Updates.TikTok(Updates.BaseId, Updates.BaseId + 2, 6, warehouses: ["7068517275539719999"]);
        var store = await Driver.RegisterTikTokShopAsync(
            warehouses: ["7068517275539719942", "7068517275539719943"],
            skus: [(Key(plain), 0), (Key(own), 0)],
            skuWarehouses: new Dictionary<string, string[]> { [Key(own)] = ["7068517275539719999"] });

        var results = await host.PushAsync(store, [plain, own]);

        results.ShouldAllBe(r => r.Succeeded);
        var stock = await Driver.StockAsync(store);
        stock.Sku(Key(plain))!.Warehouses.ShouldBe(
            new Dictionary<string, int> { ["7068517275539719942"] = 4, ["7068517275539719943"] = 0 }, ignoreOrder: true);
        stock.Sku(Key(own))!.Warehouses.ShouldBe(new Dictionary<string, int> { ["7068517275539719999"] = 6 }, ignoreOrder: true);
        (await Driver.CallsAsync(store)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task PushAsync_DataErrors_AreMappedPerSku()
    {
        await using var host = new ConnectorHost();
        var updates = Updates.Many([40], (product, sku, q) => Updates.TikTok(product, sku, q + 1));
        var store = await Driver.RegisterTikTokShopAsync(skus: [.. updates.Select(u => (Key(u), 0))]);
        await Driver.SetFaultsAsync(store, new { partialFailureShare = 0.3, belowReservedSkus = new[] { Key(updates[7]) } });

        var results = await host.PushAsync(store, updates);

        results[7].Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results[7].ErrorCode.ShouldBe("12052393");
        var stock = await Driver.StockAsync(store);
        for (var i = 0; i < updates.Count; i++)
        {
            (stock.Sku(Key(updates[i]))?.Quantity).ShouldBe(results[i].Succeeded ? updates[i].Quantity : null);
        }

        results.Count(r => r.Outcome == PushOutcome.RetryableFailure).ShouldBeGreaterThan(0);
        results.Count(r => r.Succeeded).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task PushAsync_TooManyRequests_WaitsAndEventuallySucceeds()
    {
        await using var host = new ConnectorHost(("Connectors:TikTokShop:BatchSize", "10"));
        var store = await Driver.RegisterTikTokShopAsync();
        await Driver.SetFaultsAsync(store, new { throttleShare = 0.4, rateLimitPerSecond = 8 });
        var updates = Updates.Many([60, 40], (product, sku, q) => Updates.TikTok(product, sku, q));

        var (results, _) = await host.PushUntilDoneAsync(store, updates, TimeSpan.FromSeconds(30));

        results.ShouldAllBe(r => r.Succeeded);
        (await Driver.StockAsync(store)).Skus.Count.ShouldBe(100);
        (await Driver.CallsAsync(store)).Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task PushAsync_WrongAppSecret_IsPermanentAuthFailure()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync(storeAppSecret: "wrong");

        var results = await host.PushAsync(store, [Updates.TikTok(Updates.BaseId, Updates.BaseId + 1, 3)]);

        results.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results.Single().ErrorCode.ShouldBe("106001");
        (await Driver.CallsAsync(store)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task PushAsync_UnknownProduct_IsPermanent()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync(skus: [("1:2", 0)]);

        var results = await host.PushAsync(store, [Updates.TikTok(5, 6, 3)]);

        results.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
    }

    [Fact]
    public async Task PushAsync_TokopediaStore_GoesThroughTikTokShop()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync(marketplace: Marketplace.Tokopedia);
        var update = Updates.TikTok(Updates.BaseId, Updates.BaseId + 9, 11);

        var results = await host.PushAsync(store, [update]);

        results.Single().Succeeded.ShouldBeTrue();
        (await Driver.StockAsync(store)).Sku(Key(update))!.Quantity.ShouldBe(11);
    }

    [Fact]
    public async Task PushAsync_SingleWarehouseStore_StoredUnderTheDefaultWarehouse()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync();
        var update = Updates.TikTok(Updates.BaseId, Updates.BaseId + 3, 8);

        var results = await host.PushAsync(store, [update]);

        results.Single().Succeeded.ShouldBeTrue();
        (await Driver.StockAsync(store)).Sku(Key(update))!.Warehouses.ShouldBe(new Dictionary<string, int> { ["default"] = 8 });
    }

    [Fact]
    public async Task PushAsync_StoreMissingOneOfTheShopsWarehouses_PermanentNamingIt()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync(warehouses: ["W1"], sandboxWarehouses: ["W1", "W2"]);
        var update = Updates.TikTok(Updates.BaseId, Updates.BaseId + 4, 8);

        var results = await host.PushAsync(store, [update]);

        results.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results.Single().ErrorCode.ShouldBe("12052002");
        results.Single().ErrorMessage!.ShouldContain("warehouse W2");
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }

    [Fact]
    public async Task PushAsync_ErrorInOneWarehouseOfASku_FailsThatSkuNamingTheWarehouse()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync(warehouses: ["W1", "W2", "W3"]);
        var updates = Updates.Many([5], (product, sku, q) => Updates.TikTok(product, sku, q + 1));
        await Driver.SetFaultsAsync(store, new { warehouseFailures = new[] { new { sku = Key(updates[2]), warehouse = "W2" } } });

        var results = await host.PushAsync(store, updates);

        results[2].Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results[2].ErrorCode.ShouldBe("98001001");
        results[2].ErrorMessage!.ShouldStartWith("warehouse W2: ");
        results.Where((_, i) => i != 2).ShouldAllBe(r => r.Succeeded);
        var stock = await Driver.StockAsync(store);
        stock.Sku(Key(updates[2])).ShouldBeNull();
        stock.Sku(Key(updates[0]))!.Warehouses.ShouldBe(new Dictionary<string, int> { ["W1"] = 1, ["W2"] = 0, ["W3"] = 0 }, ignoreOrder: true);
        await Driver.ClearFaultsAsync(store);
        (await host.PushAsync(store, [updates[2]])).Single().Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task PushAsync_ErrorsInSeveralWarehousesOfASku_OneResultNamingEach()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync(warehouses: ["W1", "W2", "W3"]);
        var update = Updates.TikTok(Updates.BaseId, Updates.BaseId + 5, 8);
        await Driver.SetFaultsAsync(store, new { warehouseFailures = new[] { new { sku = Key(update), warehouse = "W1" }, new { sku = Key(update), warehouse = "W3" } } });

        var results = await host.PushAsync(store, [update]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results.Single().ErrorMessage!.ShouldContain("warehouse W1: ");
        results.Single().ErrorMessage!.ShouldContain("; warehouse W3: ");
    }

    [Fact]
    public async Task PushAsync_ServerErrors_RetriedTwiceThenRetryable()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync();
        await Driver.SetFaultsAsync(store, new { serverErrorShare = 1.0 });

        var results = await host.PushAsync(store, [Updates.TikTok(Updates.BaseId, Updates.BaseId + 6, 3)]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results.Single().ErrorCode.ShouldBe("36009003");
        (await Driver.CallsAsync(store)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task PushAsync_NoAnswerInTime_IsRetryableTimeout()
    {
        await using var host = new ConnectorHost(("Connectors:TikTokShop:Timeout", "00:00:00.300"));
        var store = await Driver.RegisterTikTokShopAsync();
        await Driver.SetFaultsAsync(store, new { timeoutShare = 1.0, timeoutDelayMs = 5000 });

        var results = await host.PushAsync(store, [Updates.TikTok(Updates.BaseId, Updates.BaseId + 7, 3)]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results.Single().ErrorCode.ShouldBe("timeout");
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }

    [Fact]
    public void MapResults_PermanentAndRetryableWarehouseErrorsOfOneSku_PermanentNamingBoth()
    {
        var updates = new[] { Updates.TikTok(10, 11, 5), Updates.TikTok(10, 12, 5) };
        var body = JsonNode.Parse("""
            {"code": 0, "data": {"errors": [
              {"code": 98001001, "message": "Internal error, please try again later.", "detail": {"sku_id": "11", "warehouse_id": "W1"}},
              {"code": 12052393, "message": "The quantity is below the stock reserved for a promotion.", "detail": {"sku_id": "11", "warehouse_id": "W2"}}]}}
            """)!;
        var results = new StockUpdateResult[2];

        TikTokShopConnector.MapResults(CallResult.Completed(body), [0, 1], updates, results);

        results[0].Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results[0].ErrorCode.ShouldBe("12052393");
        results[0].ErrorMessage.ShouldBe("warehouse W1: Internal error, please try again later.; warehouse W2: The quantity is below the stock reserved for a promotion.");
        results[1].Succeeded.ShouldBeTrue();
    }
}
