using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.TikTokShop;

/// <summary>
/// TikTok Shop Partner API 202309 (also serves Tokopedia): one product per call, at most 100 SKUs,
/// each SKU listing all of its warehouses.
/// </summary>
internal sealed class TikTokShopConnector(StoreCallRunner runner, IOptions<TikTokShopOptions> options) : IMarketplaceConnector
{
    internal static string UpdateInventoryPath(long productId) =>
        string.Create(CultureInfo.InvariantCulture, $"/product/202309/products/{productId}/inventory/update");

    public async Task<IReadOnlyList<StockUpdateResult>> PushAsync(
        StoreTarget store,
        IReadOnlyList<StockUpdate> updates,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var results = new StockUpdateResult[updates.Count];
        for (var i = 0; i < updates.Count; i++)
        {
            if (updates[i].ProductId is null || updates[i].SkuId is null)
            {
                results[i] = new StockUpdateResult(updates[i].StoreSkuId, PushOutcome.PermanentFailure, "missing_ids", "A TikTok Shop store SKU needs a product_id and a sku id.");
            }
        }

        var calls = Enumerable.Range(0, updates.Count)
            .Where(i => updates[i].ProductId is not null && updates[i].SkuId is not null)
            .GroupBy(i => updates[i].ProductId!.Value)
            .SelectMany(product => product.Chunk(Batches.Size(settings)).Select(chunk => (ProductId: product.Key, Chunk: chunk)))
            .ToList();
        await Batches.RunAsync(
            calls,
            settings,
            async (work, token) =>
            {
                var call = await CallAsync(store, settings, work.ProductId, Body(store, work.Chunk, updates), token);
                MapResults(call, work.Chunk, updates, results);
            },
            cancellationToken);
        return results;
    }

    internal static void MapResults(CallResult call, int[] chunk, IReadOnlyList<StockUpdate> updates, StockUpdateResult[] results)
    {
        if (call.Status != CallStatus.Completed)
        {
            foreach (var i in chunk)
            {
                results[i] = call.ToResult(updates[i].StoreSkuId);
            }

            return;
        }

        // data.errors has one entry per SKU and warehouse that failed: an error in any warehouse of a SKU
        // fails the SKU (its other warehouses cannot be trusted as set), naming the warehouses.
        var errors = (call.Body?["data"]?["errors"] as JsonArray ?? [])
            .Where(e => e is not null)
            .Select(e => e!)
            .ToLookup(e => RawResponse.Text(e["detail"]?["sku_id"]) ?? "", StringComparer.Ordinal);
        foreach (var i in chunk)
        {
            var update = updates[i];
            var skuId = update.SkuId!.Value.ToString(CultureInfo.InvariantCulture);
            var skuErrors = errors[skuId].Concat(errors[""]).ToList();
            results[i] = skuErrors.Count == 0 ? StockUpdateResult.Success(update.StoreSkuId) : SkuFailure(update, skuErrors);
        }
    }

    private static StockUpdateResult SkuFailure(StockUpdate update, List<JsonNode> errors)
    {
        var failures = errors
            .Select(e => (
                Code: RawResponse.Text(e["code"]),
                Message: RawResponse.Text(e["message"]),
                Warehouse: RawResponse.Text(e["detail"]?["warehouse_id"])))
            .Select(e => (e.Code, e.Message, e.Warehouse, Outcome: TikTokShopErrors.ClassifySkuError(e.Code, e.Message)))
            .ToList();
        // One permanent failure makes the SKU's push permanent: retrying would fail the same way.
        var first = failures[Math.Max(0, failures.FindIndex(f => f.Outcome == PushOutcome.PermanentFailure))];

        var message = string.Join("; ", failures.Select(f => f.Warehouse is null ? f.Message : $"warehouse {f.Warehouse}: {f.Message}"));
        return new StockUpdateResult(update.StoreSkuId, first.Outcome, first.Code, message);
    }

    private Task<CallResult> CallAsync(StoreTarget store, TikTokShopOptions settings, long productId, string body, CancellationToken cancellationToken)
    {
        var apiPath = UpdateInventoryPath(productId);
        return runner.RunAsync(
            store,
            settings,
            apiPath,
            () =>
            {
                var credentials = store.Credentials;
                var query = new List<KeyValuePair<string, string>>
                {
                    new("app_key", credentials.AppKey ?? ""),
                    new("timestamp", runner.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                    new("shop_cipher", credentials.ShopCipher ?? ""),
                };
                query.Add(new("sign", TikTokShopSigner.Sign(credentials.AppSecret ?? "", apiPath, query, body)));
                var queryString = string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
                var request = new HttpRequestMessage(HttpMethod.Post, StoreCallRunner.Url(store, apiPath, queryString))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("x-tts-access-token", credentials.AccessToken);
                return request;
            },
            TikTokShopErrors.Classify,
            cancellationToken);
    }

    private static string Body(StoreTarget store, int[] chunk, IReadOnlyList<StockUpdate> updates)
    {
        var skus = new JsonArray();
        foreach (var i in chunk)
        {
            var update = updates[i];
            var warehouses = Batches.Warehouses(store, update);
            var inventory = new JsonArray();
            if (warehouses.Count == 0)
            {
                inventory.Add(new JsonObject { ["quantity"] = update.Quantity });
            }
            else
            {
                for (var w = 0; w < warehouses.Count; w++)
                {
                    inventory.Add(new JsonObject { ["warehouse_id"] = warehouses[w], ["quantity"] = Batches.QuantityAt(update, w) });
                }
            }

            skus.Add(new JsonObject
            {
                ["id"] = update.SkuId!.Value.ToString(CultureInfo.InvariantCulture),
                ["inventory"] = inventory,
            });
        }

        return new JsonObject { ["skus"] = skus }.ToJsonString();
    }
}
