using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PushInventory.Contracts;
using PushInventory.Sandbox.Domain;

namespace PushInventory.Sandbox.Endpoints;

/// <summary>TikTok Shop Partner API 202309 (also Tokopedia) under <c>/sandbox/tiktok</c>.</summary>
internal static class TikTokShopEndpoints
{
    private const int MaxSkusPerCall = 100;
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxAhead = TimeSpan.FromSeconds(30);

    public static void Map(RouteGroupBuilder sandbox) =>
        sandbox.MapPost("/tiktok/product/202309/products/{productId}/inventory/update", UpdateInventory);

    private static async Task<IResult> UpdateInventory(string productId, HttpContext http, SandboxState state, TimeProvider time)
    {
        var query = http.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var shop = state.Find(ShopKey.Of(Marketplace.TikTokShop, query.GetValueOrDefault("shop_cipher") ?? ""));
        if (shop is null)
        {
            return Error(401, 106011, "Invalid shop_cipher, or the shop is not authorized.");
        }

        var gate = await CallGate.AdmitAsync(shop, http, time, verdict => verdict is CallVerdict.RateLimited or CallVerdict.Throttle
            ? Error(429, 36009002, "Too many requests, please retry later.")
            : Error(500, 36009003, "Internal error."));
        if (gate is not null)
        {
            return gate;
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var credentials = shop.Credentials;
        if (query.GetValueOrDefault("app_key") != credentials.AppKey)
        {
            return Error(401, 106003, "Invalid app_key.");
        }

        if (http.Request.Headers["x-tts-access-token"] != credentials.AccessToken)
        {
            return Error(401, 105002, "The access token is invalid or expired.");
        }

        if (!long.TryParse(query.GetValueOrDefault("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !CallGate.WithinWindow(time.GetUtcNow(), DateTimeOffset.FromUnixTimeSeconds(seconds), MaxAge, MaxAhead))
        {
            return Error(401, 106002, "Invalid timestamp: at most 5 minutes old and 30 seconds ahead.");
        }

        var apiPath = $"/product/202309/products/{productId}/inventory/update";
        if (!Signatures.Matches(Signatures.TikTokShop(credentials.AppSecret, apiPath, query, body), query.GetValueOrDefault("sign")))
        {
            return Error(401, 106001, "Invalid signature.");
        }

        JsonArray? skus;
        try
        {
            skus = JsonNode.Parse(body)?["skus"] as JsonArray;
        }
        catch (JsonException)
        {
            return Error(400, 12052001, "Invalid params: the body is not JSON.");
        }

        if (skus is null || skus.Count is 0 or > MaxSkusPerCall)
        {
            return Error(400, 12052001, $"Invalid params: 1 to {MaxSkusPerCall} SKUs per call.");
        }

        if (!shop.KnowsAny(productId + ":"))
        {
            return Error(200, 12052700, "The product does not exist.");
        }

        var now = time.GetUtcNow();
        var errors = new JsonArray();
        foreach (var sku in skus)
        {
            var skuId = sku?["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : "";
            var warehouses = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var inventory in sku?["inventory"] as JsonArray ?? [])
            {
                warehouses[inventory?["warehouse_id"]?.GetValue<string>() ?? "default"] = inventory?["quantity"]?.GetValue<int>() ?? -1;
            }

            if (skuId.Length == 0 || warehouses.Count == 0 || warehouses.Values.Any(q => q < 0))
            {
                errors.Add(SkuError(12052002, "Invalid SKU id or inventory.", skuId));
                continue;
            }

            switch (shop.Apply($"{productId}:{skuId}", warehouses, now))
            {
                case SkuFailure.NotFound:
                    errors.Add(SkuError(12052048, "The SKU does not exist.", skuId));
                    break;
                case SkuFailure.BelowReserved:
                    errors.Add(SkuError(12052393, "The quantity is below the stock reserved for a promotion.", skuId));
                    break;
                case SkuFailure.Partial:
                    errors.Add(SkuError(98001001, "Internal error, please try again later.", skuId));
                    break;
            }
        }

        return TypedResults.Json<JsonNode>(new JsonObject
        {
            ["code"] = 0,
            ["message"] = "Success",
            ["request_id"] = CallGate.RequestId(),
            ["data"] = errors.Count == 0 ? new JsonObject() : new JsonObject { ["errors"] = errors },
        });
    }

    private static JsonObject SkuError(int code, string message, string skuId) =>
        new() { ["code"] = code, ["message"] = message, ["detail"] = new JsonObject { ["sku_id"] = skuId } };

    private static IResult Error(int status, int code, string message) => TypedResults.Json<JsonNode>(
        new JsonObject { ["code"] = code, ["message"] = message, ["request_id"] = CallGate.RequestId() },
        statusCode: status);
}
