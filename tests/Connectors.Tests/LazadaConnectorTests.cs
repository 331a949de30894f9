namespace PushInventory.Connectors.Tests;

public sealed class LazadaConnectorTests(SandboxFixture sandbox)
{
    private SandboxDriver Driver => sandbox.Driver;

    [Theory]
    [InlineData(1, "20", 1)]
    [InlineData(500, "20", 25)]
    [InlineData(500, "50", 10)]
    public async Task PushAsync_SkusOfManyProducts_BatchedUpToBatchSize(int count, string batchSize, int expectedCalls)
    {
        await using var host = new ConnectorHost(("Connectors:Lazada:BatchSize", batchSize));
        var store = await Driver.RegisterLazadaAsync();
        var updates = Updates.Many([.. Enumerable.Repeat(1, count % 7).Append(count - (count % 7))], (item, sku, q) => Updates.Lazada(item, sku, q));

        var results = await host.PushAsync(store, updates);

        results.ShouldAllBe(r => r.Succeeded);
        var stock = await Driver.StockAsync(store);
        stock.Skus.Count.ShouldBe(count);
        foreach (var update in updates)
        {
            stock.Sku(update.SellerSku)!.Quantity.ShouldBe(update.Quantity);
        }

        (await Driver.CallsAsync(store)).Count.ShouldBe(expectedCalls);
    }

    [Fact]
    public async Task PushAsync_StoreWithWarehouses_UsesMultiWarehouseFormat()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterLazadaAsync(warehouses: ["dropshipping", "WH-MNL"]);
        var update = Updates.Lazada(Updates.BaseId, Updates.BaseId + 1, 12);

        var results = await host.PushAsync(store, [update]);

        results.Single().Succeeded.ShouldBeTrue();
        (await Driver.StockAsync(store)).Sku(update.SellerSku)!.Warehouses
            .ShouldBe(new Dictionary<string, int> { ["dropshipping"] = 12, ["WH-MNL"] = 0 }, ignoreOrder: true);
    }

    [Fact]
    public async Task PushAsync_Code501_MapsDetailsPerSellerSku()
    {
        await using var host = new ConnectorHost();
        var updates = Updates.Many([10, 10, 10], (item, sku, q) => Updates.Lazada(item, sku, 20 + q));
        var reservedSku = updates[4].SellerSku;
        var store = await Driver.RegisterLazadaAsync(skus: [.. updates.Select(u => (u.SellerSku, u.SellerSku == reservedSku ? 1000 : 0))]);
        var unknown = Updates.Lazada(1, 2, 3);
        await Driver.SetFaultsAsync(store, new { partialFailureShare = 0.3 });

        var results = await host.PushAsync(store, [.. updates, unknown]);

        results[4].Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results[4].ErrorCode.ShouldBe("4170");
        results[^1].Outcome.ShouldBe(PushOutcome.PermanentFailure);
        var stock = await Driver.StockAsync(store);
        for (var i = 0; i < updates.Count; i++)
        {
            if (results[i].Succeeded)
            {
                stock.Sku(updates[i].SellerSku)!.Quantity.ShouldBe(updates[i].Quantity);
            }
            else
            {
                stock.Sku(updates[i].SellerSku).ShouldBeNull();
            }
        }

        results.Count(r => r.Outcome == PushOutcome.RetryableFailure).ShouldBeGreaterThan(0);
        results.Count(r => r.Succeeded).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task PushAsync_SellerCallLimit_WaitsAndEventuallySucceeds()
    {
        await using var host = new ConnectorHost(("Connectors:Lazada:BatchSize", "5"));
        var store = await Driver.RegisterLazadaAsync();
        await Driver.SetFaultsAsync(store, new { rateLimitPerSecond = 5 });
        var updates = Updates.Many([100], (item, sku, q) => Updates.Lazada(item, sku, q));

        var (results, _) = await host.PushUntilDoneAsync(store, updates, TimeSpan.FromSeconds(30));

        results.ShouldAllBe(r => r.Succeeded);
        (await Driver.StockAsync(store)).Skus.Count.ShouldBe(100);
        (await Driver.CallsAsync(store)).Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task PushAsync_WrongAppSecret_IsPermanentIncompleteSignature()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterLazadaAsync(storeAppSecret: "wrong");

        var results = await host.PushAsync(store, [Updates.Lazada(1, 2, 3)]);

        results.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results.Single().ErrorCode.ShouldBe("IncompleteSignature");
        (await Driver.CallsAsync(store)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task PushAsync_ServiceUnavailable_IsRetryable()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterLazadaAsync();
        await Driver.SetFaultsAsync(store, new { serverErrorShare = 1.0 });

        var results = await host.PushAsync(store, [Updates.Lazada(1, 2, 3)]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        (await Driver.CallsAsync(store)).Count.ShouldBe(3);
        await Driver.ClearFaultsAsync(store);
        (await host.PushAsync(store, [Updates.Lazada(1, 2, 3)])).Single().Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task PushAsync_NoAnswerInTime_IsRetryableTimeout()
    {
        await using var host = new ConnectorHost(("Connectors:Lazada:Timeout", "00:00:00.300"));
        var store = await Driver.RegisterLazadaAsync();
        await Driver.SetFaultsAsync(store, new { timeoutShare = 1.0, timeoutDelayMs = 5000 });

        var results = await host.PushAsync(store, [Updates.Lazada(1, 2, 3)]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results.Single().ErrorCode.ShouldBe("timeout");
    }

    [Fact]
    public async Task PushAsync_FormatNotTheSellers_PermanentPerSku()
    {
        await using var host = new ConnectorHost();
        var multiSeller = await Driver.RegisterLazadaAsync(warehouses: [], sandboxWarehouses: ["dropshipping", "WH-MNL"]);
        var singleSeller = await Driver.RegisterLazadaAsync(warehouses: ["dropshipping"], sandboxWarehouses: []);
        var update = Updates.Lazada(Updates.BaseId, Updates.BaseId + 1, 12);

        var plainToMulti = await host.PushAsync(multiSeller, [update]);
        var multiToSingle = await host.PushAsync(singleSeller, [update]);

        plainToMulti.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        plainToMulti.Single().ErrorCode.ShouldBe("InvalidParameter");
        multiToSingle.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        multiToSingle.Single().ErrorCode.ShouldBe("InvalidParameter");
        (await Driver.StockAsync(multiSeller)).Skus.ShouldBeEmpty();
        (await Driver.StockAsync(singleSeller)).Skus.ShouldBeEmpty();
    }

    [Fact]
    public async Task PushAsync_SingleWarehouseSeller_StoredUnderTheDefaultWarehouse()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterLazadaAsync();
        var update = Updates.Lazada(Updates.BaseId, Updates.BaseId + 2, 9);

        var results = await host.PushAsync(store, [update]);

        results.Single().Succeeded.ShouldBeTrue();
        (await Driver.StockAsync(store)).Sku(update.SellerSku)!.Warehouses.ShouldBe(new Dictionary<string, int> { ["default"] = 9 });
    }
}
