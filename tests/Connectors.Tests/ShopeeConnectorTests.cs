namespace PushInventory.Connectors.Tests;

public sealed class ShopeeConnectorTests(SandboxFixture sandbox)
{
    private SandboxDriver Driver => sandbox.Driver;

    private static string Key(StockUpdate u) => $"{u.ItemId}:{u.ModelId}";

    [Theory]
    [InlineData(new[] { 1 }, 1)]
    [InlineData(new[] { 120, 50, 1, 200, 129 }, 12)]
    public async Task PushAsync_ModelsAcrossItems_OneItemAndAtMost50ModelsPerCall(int[] modelsPerItem, int expectedCalls)
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();
        var updates = Updates.Many(modelsPerItem, (item, model, q) => Updates.Shopee(item, model, q));

        var results = await host.PushAsync(store, updates);

        results.Select(r => r.StoreSkuId).ShouldBe(updates.Select(u => u.StoreSkuId));
        results.ShouldAllBe(r => r.Outcome == PushOutcome.Succeeded);
        var stock = await Driver.StockAsync(store);
        stock.Skus.Count.ShouldBe(updates.Count);
        foreach (var update in updates)
        {
            stock.Sku(Key(update))!.Quantity.ShouldBe(update.Quantity);
        }

        (await Driver.CallsAsync(store)).Count.ShouldBe(expectedCalls);
    }

    [Fact]
    public async Task PushAsync_StoreWithLocations_SendsLocationIdsWithAllStockOnTheFirst()
    {
        await using var host = new ConnectorHost();
        var plain = Updates.Shopee(Updates.BaseId + 1, 0, 7);
        var own = Updates.Shopee(Updates.BaseId + 2, 3, 9, warehouses: ["PHZ09"]);
        var store = await Driver.RegisterShopeeAsync(
            warehouses: ["PHZ01", "PHZ02"],
            skus: [(Key(plain), 0), (Key(own), 0)],
            skuWarehouses: new Dictionary<string, string[]> { [Key(own)] = ["PHZ09"] });

        var results = await host.PushAsync(store, [plain, own]);

        results.ShouldAllBe(r => r.Succeeded);
        var stock = await Driver.StockAsync(store);
        stock.Sku(Key(plain))!.Warehouses.ShouldBe(new Dictionary<string, int> { ["PHZ01"] = 7, ["PHZ02"] = 0 }, ignoreOrder: true);
        stock.Sku(Key(plain))!.Quantity.ShouldBe(7);
        stock.Sku(Key(own))!.Warehouses.ShouldBe(new Dictionary<string, int> { ["PHZ09"] = 9 }, ignoreOrder: true);
    }

    [Fact]
    public async Task PushAsync_SingleWarehouseStore_SendsNoLocationId()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();
        var update = Updates.Shopee(Updates.BaseId + 3, 1, 6);

        var results = await host.PushAsync(store, [update]);

        results.Single().Succeeded.ShouldBeTrue();
        (await Driver.StockAsync(store)).Sku(Key(update))!.Warehouses.ShouldBe(new Dictionary<string, int> { ["default"] = 6 });
    }

    [Fact]
    public async Task PushAsync_LocationIdsTheShopDoesNotHave_PermanentPerModel()
    {
        await using var host = new ConnectorHost();
        var withoutLocations = await Driver.RegisterShopeeAsync(warehouses: ["PHZ01"], sandboxWarehouses: []);
        var withLocations = await Driver.RegisterShopeeAsync(warehouses: [], sandboxWarehouses: ["PHZ01", "PHZ02"]);
        var update = Updates.Shopee(Updates.BaseId + 4, 1, 6);

        var sent = await host.PushAsync(withoutLocations, [update]);
        var missing = await host.PushAsync(withLocations, [update]);

        sent.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        sent.Single().ErrorMessage!.ShouldContain("location_id");
        missing.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        missing.Single().ErrorMessage!.ShouldContain("location_id is required");
        (await Driver.StockAsync(withoutLocations)).Skus.ShouldBeEmpty();
        (await Driver.StockAsync(withLocations)).Skus.ShouldBeEmpty();
    }

    [Fact]
    public async Task PushAsync_PartialFailures_AreMappedPerModel()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();
        var updates = Updates.Many([60, 40], (item, model, q) => Updates.Shopee(item, model, q + 1));
        var reserved = new[] { Key(updates[3]), Key(updates[70]) };
        await Driver.SetFaultsAsync(store, new { partialFailureShare = 0.3, belowReservedSkus = reserved });

        var results = await host.PushAsync(store, updates);

        var stock = await Driver.StockAsync(store);
        for (var i = 0; i < updates.Count; i++)
        {
            var held = stock.Sku(Key(updates[i]));
            if (reserved.Contains(Key(updates[i])))
            {
                results[i].Outcome.ShouldBe(PushOutcome.PermanentFailure);
                results[i].ErrorMessage!.ShouldContain("reserved");
            }

            if (results[i].Succeeded)
            {
                held!.Quantity.ShouldBe(updates[i].Quantity);
            }
            else
            {
                held.ShouldBeNull();
                results[i].ErrorCode.ShouldBe("failure_list");
            }
        }

        results.Count(r => r.Outcome == PushOutcome.RetryableFailure).ShouldBeGreaterThan(0);
        results.Count(r => r.Succeeded).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task PushAsync_Throttled_WaitsAndEventuallySucceeds()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();
        // 16 items: one call each when served; all 16 served at the first try has odds of 1 in 65,536.
        var updates = Updates.Many([.. Enumerable.Repeat(8, 16)], (item, model, q) => Updates.Shopee(item, model, q));
        await Driver.SetFaultsAsync(store, new { throttleShare = 0.5 });

        var (results, _) = await host.PushUntilDoneAsync(store, updates, TimeSpan.FromSeconds(30));

        results.ShouldAllBe(r => r.Succeeded);
        (await Driver.StockAsync(store)).Skus.Count.ShouldBe(updates.Count);
        var calls = await Driver.CallsAsync(store);
        calls.Throttled.ShouldBeGreaterThan(0);
        calls.Count.ShouldBe(16 + calls.Throttled);
    }

    [Fact]
    public async Task PushAsync_ServerErrors_RetriedTwiceThenRetryable()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();
        await Driver.SetFaultsAsync(store, new { serverErrorShare = 1.0 });

        var results = await host.PushAsync(store, [Updates.Shopee(Updates.BaseId, 1, 5)]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results.Single().ErrorCode.ShouldBe("error_server");
        (await Driver.CallsAsync(store)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task PushAsync_NoAnswerInTime_IsRetryableTimeout()
    {
        await using var host = new ConnectorHost(("Connectors:Shopee:Timeout", "00:00:00.300"));
        var store = await Driver.RegisterShopeeAsync();
        await Driver.SetFaultsAsync(store, new { timeoutShare = 1.0, timeoutDelayMs = 5000 });

        var results = await host.PushAsync(store, [Updates.Shopee(Updates.BaseId, 1, 5)]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results.Single().ErrorCode.ShouldBe("timeout");
    }

    [Fact]
    public async Task PushAsync_UnknownItem_IsPermanentWithoutRetries()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync(skus: [("1:0", 0)]);

        var results = await host.PushAsync(store, [Updates.Shopee(2, 0, 5)]);

        results.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results.Single().ErrorCode.ShouldBe("error_item_not_found");
        (await Driver.CallsAsync(store)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task PushAsync_BelowRegisteredReservedStock_IsPermanent()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync(skus: [("10:1", 8), ("10:2", 0)]);

        var results = await host.PushAsync(store, [Updates.Shopee(10, 1, 5), Updates.Shopee(10, 2, 5)]);

        results[0].Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results[1].Outcome.ShouldBe(PushOutcome.Succeeded);
    }

    [Fact]
    public async Task PushAsync_WrongPartnerKey_IsPermanentAuthFailure()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync(storePartnerKey: "wrong-key");

        var results = await host.PushAsync(store, [Updates.Shopee(Updates.BaseId, 1, 5)]);

        results.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results.Single().ErrorCode.ShouldBe("error_auth");
        (await Driver.CallsAsync(store)).Count.ShouldBe(1);
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }

    [Fact]
    public async Task PushAsync_PreOrderOnThenOff_SetsItemStateAndStock()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();
        var itemId = Updates.BaseId + 77;

        var on = await host.PushAsync(store, [Updates.Shopee(itemId, 1, 35, new PreOrderSetting(true, 10))]);
        var afterOn = await Driver.StockAsync(store);
        var off = await host.PushAsync(store, [Updates.Shopee(itemId, 1, 105, new PreOrderSetting(false, 2))]);
        var afterOff = await Driver.StockAsync(store);

        on.Single().Succeeded.ShouldBeTrue();
        afterOn.PreOrders.Single().ShouldBe(new PreOrderView(itemId, true, 10));
        afterOn.Sku($"{itemId}:1")!.Quantity.ShouldBe(35);
        off.Single().Succeeded.ShouldBeTrue();
        afterOff.PreOrders.Single().IsPreOrder.ShouldBeFalse();
        afterOff.Sku($"{itemId}:1")!.Quantity.ShouldBe(105);
        (await Driver.HistoryAsync(store, $"{itemId}:1")).Where(h => h.Change == "stock").Select(h => h.Quantity).ShouldBe([35, 105]);
    }

    [Fact]
    public async Task PushAsync_PreOrderChanges_ShowInEachModelsHistoryWithDaysToShip()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();
        var itemId = Updates.BaseId + 78;

        await host.PushAsync(store, [Updates.Shopee(itemId, 1, 35, new PreOrderSetting(true, 10)), Updates.Shopee(itemId, 2, 31)]);
        await host.PushAsync(store, [Updates.Shopee(itemId, 1, 40, new PreOrderSetting(true, 10))]);
        await host.PushAsync(store, [Updates.Shopee(itemId, 1, 45, new PreOrderSetting(true, 14))]);
        var results = await host.PushAsync(store, [Updates.Shopee(itemId, 1, 105, new PreOrderSetting(false, 0))]);

        results.Single().Succeeded.ShouldBeTrue();
        (await Driver.HistoryAsync(store, $"{itemId}:1")).Select(h => (h.Change, h.Quantity, h.IsPreOrder, h.DaysToShip)).ShouldBe(
        [
            ("stock", 35, true, 10),
            ("stock", 40, true, 10),
            ("preOrder", 40, true, 14),
            ("stock", 45, true, 14),
            ("preOrder", 45, false, 0),
            ("stock", 105, false, 0),
        ]);
        // The item's other model was not pushed again, but its item's pre-order changes show in its history.
        (await Driver.HistoryAsync(store, $"{itemId}:2")).Select(h => (h.Change, h.Quantity, h.IsPreOrder)).ShouldBe(
            [("stock", 31, true), ("preOrder", 31, true), ("preOrder", 31, false)]);
        var history = await Driver.HistoryAsync(store, $"{itemId}:1");
        history.Select(h => h.At).ShouldBeInOrder();
    }

    [Fact]
    public async Task PushAsync_InvalidPreOrderDays_IsPermanentAndStockIsNotPushed()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();

        var results = await host.PushAsync(store, [Updates.Shopee(Updates.BaseId + 5, 1, 35, new PreOrderSetting(true, 90))]);

        results.Single().Outcome.ShouldBe(PushOutcome.PermanentFailure);
        results.Single().ErrorCode.ShouldBe("error_param");
        (await Driver.StockAsync(store)).Skus.ShouldBeEmpty();
    }
}
