using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.Shopee;

/// <summary>
/// Shopee Open Platform v2: <c>update_stock</c> per item, at most 50 models per call;
/// <c>update_item</c> sets pre-order on the item before its stock is pushed.
/// </summary>
internal sealed class ShopeeConnector(StoreCallRunner runner, IOptions<ShopeeOptions> options) : IMarketplaceConnector
{
    internal const string UpdateStockPath = "/api/v2/product/update_stock";
    internal const string UpdateItemPath = "/api/v2/product/update_item";

    public async Task<IReadOnlyList<StockUpdateResult>> PushAsync(
        StoreTarget store,
        IReadOnlyList<StockUpdate> updates,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var results = new StockUpdateResult[updates.Count];
        var items = new List<IGrouping<long, int>>();
        for (var i = 0; i < updates.Count; i++)
        {
            if (updates[i].ItemId is null)
            {
                results[i] = new StockUpdateResult(updates[i].StoreSkuId, PushOutcome.PermanentFailure, "missing_item_id", "A Shopee store SKU needs an item_id.");
            }
        }

        items.AddRange(Enumerable.Range(0, updates.Count)
            .Where(i => updates[i].ItemId is not null)
            .GroupBy(i => updates[i].ItemId!.Value));

        await Batches.RunAsync(
            items,
            settings,
            async (item, token) => await PushItemAsync(store, settings, item.Key, [.. item], updates, results, token),
            cancellationToken);
        return results;
    }

    private async Task PushItemAsync(
        StoreTarget store,
        ShopeeOptions settings,
        long itemId,
        List<int> indexes,
        IReadOnlyList<StockUpdate> updates,
        StockUpdateResult[] results,
        CancellationToken cancellationToken)
    {
        if (indexes.Select(i => updates[i].PreOrder).FirstOrDefault(p => p is not null) is { } preOrder)
        {
            var preOrderResult = await CallAsync(store, settings, UpdateItemPath, PreOrderBody(itemId, preOrder), cancellationToken);
            if (preOrderResult.Status != CallStatus.Completed)
            {
                // Pushing pre-order stock without pre-order on would sell goods that are not there.
                foreach (var i in indexes)
                {
                    results[i] = preOrderResult.ToResult(updates[i].StoreSkuId);
                }

                return;
            }
        }

        foreach (var chunk in indexes.Chunk(Batches.Size(settings)))
        {
            var call = await CallAsync(store, settings, UpdateStockPath, StockBody(store, itemId, chunk, updates), cancellationToken);
            MapStockResults(call, chunk, updates, results);
        }
    }

    private static void MapStockResults(CallResult call, int[] chunk, IReadOnlyList<StockUpdate> updates, StockUpdateResult[] results)
    {
        if (call.Status != CallStatus.Completed)
        {
            foreach (var i in chunk)
            {
                results[i] = call.ToResult(updates[i].StoreSkuId);
            }

            return;
        }

        var response = call.Body?["response"];
        var succeeded = (response?["success_list"] as JsonArray ?? [])
            .Select(entry => RawResponse.Text(entry?["model_id"]))
            .ToHashSet(StringComparer.Ordinal);
        var failed = (response?["failure_list"] as JsonArray ?? [])
            .Where(entry => entry is not null)
            .GroupBy(entry => RawResponse.Text(entry!["model_id"]) ?? "", StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => RawResponse.Text(group.First()!["failed_reason"]), StringComparer.Ordinal);
        foreach (var i in chunk)
        {
            var update = updates[i];
            var modelId = ModelId(update).ToString(CultureInfo.InvariantCulture);
            if (failed.TryGetValue(modelId, out var reason))
            {
                results[i] = new StockUpdateResult(update.StoreSkuId, ShopeeErrors.ClassifyFailedReason(reason), "failure_list", reason);
            }
            else if (succeeded.Contains(modelId))
            {
                results[i] = StockUpdateResult.Success(update.StoreSkuId);
            }
            else
            {
                results[i] = new StockUpdateResult(update.StoreSkuId, PushOutcome.RetryableFailure, "no_result", "Shopee listed the model neither as succeeded nor as failed.");
            }
        }
    }

    private Task<CallResult> CallAsync(StoreTarget store, ShopeeOptions settings, string apiPath, string body, CancellationToken cancellationToken) =>
        runner.RunAsync(
            store,
            settings,
            apiPath,
            () =>
            {
                var credentials = store.Credentials;
                var timestamp = runner.Time.GetUtcNow().ToUnixTimeSeconds();
                var sign = ShopeeSigner.Sign(credentials.PartnerKey ?? "", credentials.PartnerId, apiPath, timestamp, credentials.AccessToken, credentials.ShopId);
                var query = string.Create(
                    CultureInfo.InvariantCulture,
                    $"partner_id={credentials.PartnerId}&timestamp={timestamp}&access_token={Uri.EscapeDataString(credentials.AccessToken)}&shop_id={credentials.ShopId}&sign={sign}");
                return new HttpRequestMessage(HttpMethod.Post, StoreCallRunner.Url(store, apiPath, query))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
            },
            ShopeeErrors.Classify,
            cancellationToken);

    private static long ModelId(StockUpdate update) => update.ModelId ?? 0;

    private static string StockBody(StoreTarget store, long itemId, int[] chunk, IReadOnlyList<StockUpdate> updates)
    {
        var stockList = new JsonArray();
        foreach (var i in chunk)
        {
            var update = updates[i];
            var warehouses = Batches.Warehouses(store, update);
            var sellerStock = new JsonArray();
            if (warehouses.Count == 0)
            {
                sellerStock.Add(new JsonObject { ["stock"] = update.Quantity });
            }
            else
            {
                for (var w = 0; w < warehouses.Count; w++)
                {
                    sellerStock.Add(new JsonObject { ["location_id"] = warehouses[w], ["stock"] = Batches.QuantityAt(update, w) });
                }
            }

            stockList.Add(new JsonObject { ["model_id"] = ModelId(update), ["seller_stock"] = sellerStock });
        }

        return new JsonObject { ["item_id"] = itemId, ["stock_list"] = stockList }.ToJsonString();
    }

    private static string PreOrderBody(long itemId, PreOrderSetting preOrder) =>
        new JsonObject
        {
            ["item_id"] = itemId,
            ["pre_order"] = new JsonObject { ["is_pre_order"] = preOrder.IsPreOrder, ["days_to_ship"] = preOrder.DaysToShip },
        }.ToJsonString();
}
