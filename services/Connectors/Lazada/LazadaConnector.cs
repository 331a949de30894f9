using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.Lazada;

/// <summary>Lazada Open Platform: <c>/product/stock/sellable/update</c>, up to 50 SKUs of any products per call.</summary>
internal sealed class LazadaConnector(StoreCallRunner runner, IOptions<LazadaOptions> options) : IMarketplaceConnector
{
    internal const string UpdateSellableStockPath = "/product/stock/sellable/update";

    public async Task<IReadOnlyList<StockUpdateResult>> PushAsync(
        StoreTarget store,
        IReadOnlyList<StockUpdate> updates,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var results = new StockUpdateResult[updates.Count];
        var chunks = Enumerable.Range(0, updates.Count).Chunk(Batches.Size(settings));
        await Batches.RunAsync(
            chunks,
            settings,
            async (chunk, token) =>
            {
                var payload = LazadaPayload.Build(store, chunk.Select(i => updates[i]));
                var call = await CallAsync(store, settings, payload, token);
                MapResults(call, chunk, updates, results);
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

        var details = (call.Body?["detail"] as JsonArray ?? []).Where(d => d is not null).Select(d => d!).ToList();
        if (RawResponse.Text(call.Body?["code"]) == LazadaErrors.PartialFailure && details.Any(d => d["seller_sku"] is null))
        {
            // A failure Lazada did not tie to a SKU: none of the batch can be trusted as applied.
            var detail = details.First(d => d["seller_sku"] is null);
            var failure = CallResult.Failed(CallStatus.Transient, LazadaErrors.PartialFailure, RawResponse.Text(detail["message"]));
            foreach (var i in chunk)
            {
                results[i] = failure.ToResult(updates[i].StoreSkuId);
            }

            return;
        }

        var failed = details
            .GroupBy(d => RawResponse.Text(d["seller_sku"])!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        foreach (var i in chunk)
        {
            var update = updates[i];
            if (failed.TryGetValue(update.SellerSku, out var detail))
            {
                var code = RawResponse.Text(detail["code"]);
                var message = RawResponse.Text(detail["message"]);
                results[i] = new StockUpdateResult(update.StoreSkuId, LazadaErrors.ClassifyDetail(code, message), code ?? LazadaErrors.PartialFailure, message);
            }
            else
            {
                results[i] = StockUpdateResult.Success(update.StoreSkuId);
            }
        }
    }

    private Task<CallResult> CallAsync(StoreTarget store, LazadaOptions settings, string payload, CancellationToken cancellationToken) =>
        runner.RunAsync(
            store,
            settings,
            UpdateSellableStockPath,
            () =>
            {
                // As Lazada's SDKs do: system parameters (and the sign) in the query, API parameters in the
                // form body; the sign covers both.
                var credentials = store.Credentials;
                var system = new List<KeyValuePair<string, string>>
                {
                    new("app_key", credentials.AppKey ?? ""),
                    new("timestamp", runner.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                    new("access_token", credentials.AccessToken),
                    new("sign_method", "sha256"),
                };
                var api = new List<KeyValuePair<string, string>> { new("payload", payload) };
                system.Add(new("sign", LazadaSigner.Sign(credentials.AppSecret ?? "", UpdateSellableStockPath, [.. system, .. api])));
                var query = string.Join('&', system.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
                return new HttpRequestMessage(HttpMethod.Post, StoreCallRunner.Url(store, UpdateSellableStockPath, query))
                {
                    Content = new FormUrlEncodedContent(api),
                };
            },
            LazadaErrors.Classify,
            cancellationToken);
}
