using System.Diagnostics.CodeAnalysis;
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
    private const int InvalidParams = 12052001;
    private const int InvalidInventory = 12052002;
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
            skus = JsonNode.Parse(body) is JsonObject root ? root["skus"] as JsonArray : null;
        }
        catch (JsonException)
        {
            return Error(400, InvalidParams, "Invalid params: the body is not JSON.");
        }

        if (skus is null || skus.Count is 0 or > MaxSkusPerCall)
        {
            return Error(400, InvalidParams, $"Invalid params: 1 to {MaxSkusPerCall} SKUs per call.");
        }

        var updates = new List<(string SkuId, List<(string? Warehouse, int Quantity)> Inventory)>();
        foreach (var sku in skus)
        {
            if (sku is not JsonObject entry || !TryGetString(entry["id"], out var skuId) || skuId.Length == 0
                || entry["inventory"] is not JsonArray inventory || inventory.Count == 0)
            {
                return Error(400, InvalidParams, "Invalid params: each SKU needs a string id and a non-empty inventory.");
            }

            var lines = new List<(string? Warehouse, int Quantity)>();
            foreach (var line in inventory)
            {
                if (line is not JsonObject item || item["quantity"] is not JsonValue quantityNode
                    || quantityNode.GetValueKind() != JsonValueKind.Number || !quantityNode.TryGetValue<int>(out var quantity))
                {
                    return Error(400, InvalidParams, "Invalid params: each inventory entry needs an integer quantity.");
                }

                string? warehouse = null;
                if (item["warehouse_id"] is { } warehouseNode && (!TryGetString(warehouseNode, out warehouse) || warehouse.Length == 0))
                {
                    return Error(400, InvalidParams, "Invalid params: warehouse_id must be a non-empty string.");
                }

                lines.Add((warehouse, quantity));
            }

            updates.Add((skuId, lines));
        }

        if (!shop.KnowsAny(productId + ":"))
        {
            return Error(200, 12052700, "The product does not exist.");
        }

        var now = time.GetUtcNow();
        var errors = new JsonArray();
        foreach (var (skuId, inventory) in updates)
        {
            var key = $"{productId}:{skuId}";
            if (WarehouseProblem(shop.WarehousesOf(key), inventory) is { } problem)
            {
                errors.Add(SkuError(InvalidInventory, problem.Message, skuId, problem.Warehouse));
                continue;
            }

            var warehouses = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (warehouse, quantity) in inventory)
            {
                warehouses[warehouse ?? "default"] = quantity;
            }

            if (warehouses.Values.Any(q => q < 0))
            {
                errors.Add(SkuError(InvalidInventory, "Invalid inventory: quantities must be 0 or more.", skuId));
                continue;
            }

            switch (shop.Apply(key, warehouses, now, out var failedWarehouses))
            {
                case SkuFailure.NotFound:
                    errors.Add(SkuError(12052048, "The SKU does not exist.", skuId));
                    break;
                case SkuFailure.BelowReserved:
                    errors.Add(SkuError(12052393, "The quantity is below the stock reserved for a promotion.", skuId));
                    break;
                case SkuFailure.Warehouse:
                    // One entry per SKU and warehouse, as TikTok Shop reports them.
                    foreach (var warehouse in failedWarehouses)
                    {
                        errors.Add(SkuError(98001001, "Internal error updating this warehouse, please try again later.", skuId, warehouse));
                    }

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

    /// <summary>
    /// Every SKU lists all of its warehouses (those registered for it, else the shop's) and no others; a
    /// shop without platform warehouses takes one inventory entry.
    /// </summary>
    private static (string Message, string? Warehouse)? WarehouseProblem(IReadOnlyList<string> expected, List<(string? Warehouse, int Quantity)> inventory)
    {
        if (expected.Count == 0)
        {
            return inventory.Count == 1 ? null : ("Invalid inventory: the shop has one warehouse, so a SKU takes one inventory entry.", null);
        }

        foreach (var (warehouse, _) in inventory)
        {
            if (warehouse is null)
            {
                return ("Invalid inventory: warehouse_id is required for a shop with several warehouses.", null);
            }

            if (!expected.Contains(warehouse, StringComparer.Ordinal))
            {
                return ($"Invalid inventory: warehouse {warehouse} is not a warehouse of this SKU.", warehouse);
            }
        }

        var listed = inventory.Select(i => i.Warehouse!).ToHashSet(StringComparer.Ordinal);
        if (listed.Count != inventory.Count)
        {
            return ("Invalid inventory: a warehouse is listed twice.", null);
        }

        return expected.FirstOrDefault(w => !listed.Contains(w)) is { } missing
            ? ($"Invalid inventory: every warehouse of the SKU must be listed; warehouse {missing} is missing.", missing)
            : null;
    }

    private static bool TryGetString(JsonNode? node, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return node is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.TryGetValue(out value);
    }

    private static JsonObject SkuError(int code, string message, string skuId, string? warehouseId = null)
    {
        var detail = new JsonObject { ["sku_id"] = skuId };
        if (warehouseId is not null)
        {
            detail["warehouse_id"] = warehouseId;
        }

        return new JsonObject { ["code"] = code, ["message"] = message, ["detail"] = detail };
    }

    private static IResult Error(int status, int code, string message) => TypedResults.Json<JsonNode>(
        new JsonObject { ["code"] = code, ["message"] = message, ["request_id"] = CallGate.RequestId() },
        statusCode: status);
}
