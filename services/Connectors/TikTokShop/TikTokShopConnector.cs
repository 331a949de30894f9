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

    private static void MapResults(CallResult call, int[] chunk, IReadOnlyList<StockUpdate> updates, StockUpdateResult[] results)
    {
        if (call.Status != CallStatus.Completed)
        {
            foreach (var i in chunk)
            {
                results[i] = call.ToResult(updates[i].StoreSkuId);
            }

            return;
        }

        var errors = (call.Body?["data"]?["errors"] as JsonArray ?? [])
            .Where(e => e is not null)
            .GroupBy(e => RawResponse.Text(e!["detail"]?["sku_id"]) ?? "", StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()!, StringComparer.Ordinal);
        foreach (var i in chunk)
        {
            var update = updates[i];
            var skuId = update.SkuId!.Value.ToString(CultureInfo.InvariantCulture);
            if (errors.TryGetValue(skuId, out var error) || errors.TryGetValue("", out error))
            {
                var code = RawResponse.Text(error["code"]);
                var message = RawResponse.Text(error["message"]);
                results[i] = new StockUpdateResult(update.StoreSkuId, TikTokShopErrors.ClassifySkuError(code, message), code, message);
            }
            else
            {
                results[i] = StockUpdateResult.Success(update.StoreSkuId);
            }
        }
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
