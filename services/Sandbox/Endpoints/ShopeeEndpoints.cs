using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PushInventory.Contracts;
using PushInventory.Sandbox.Domain;

namespace PushInventory.Sandbox.Endpoints;

/// <summary>Shopee Open Platform v2 under <c>/sandbox/shopee</c>: update_stock and update_item (pre-order).</summary>
internal static class ShopeeEndpoints
{
    private const string UpdateStockPath = "/api/v2/product/update_stock";
    private const string UpdateItemPath = "/api/v2/product/update_item";
    private const int MaxModelsPerCall = 50;
    private static readonly TimeSpan ClockWindow = TimeSpan.FromMinutes(5);

    public static void Map(RouteGroupBuilder sandbox)
    {
        var shopee = sandbox.MapGroup("/shopee");
        shopee.MapPost(UpdateStockPath, UpdateStock);
        shopee.MapPost(UpdateItemPath, UpdateItem);
    }

    private static async Task<IResult> UpdateStock(HttpContext http, SandboxState state, TimeProvider time)
    {
        var (shop, body, failure) = await AuthorizeAsync(http, state, time, UpdateStockPath);
        if (failure is not null)
        {
            return failure;
        }

        if (!TryGetLong(body?["item_id"], out var itemId) || body?["stock_list"] is not JsonArray stockList || stockList.Count == 0)
        {
            return Error(400, "error_param", "item_id and a non-empty stock_list are required.");
        }

        if (stockList.Count > MaxModelsPerCall)
        {
            return Error(400, "error_param", $"stock_list has {stockList.Count} models; at most {MaxModelsPerCall} per call.");
        }

        var models = new List<(long ModelId, List<(string? Location, int Stock)> SellerStock)>();
        foreach (var entry in stockList)
        {
            if (entry is not JsonObject model || !TryGetLong(model["model_id"] ?? JsonValue.Create(0L), out var modelId)
                || model["seller_stock"] is not JsonArray sellerStock || sellerStock.Count == 0)
            {
                return Error(400, "error_param", "Each stock_list entry needs a numeric model_id and a non-empty seller_stock.");
            }

            var stocks = new List<(string? Location, int Stock)>();
            foreach (var stock in sellerStock)
            {
                string? location = null;
                if (stock is not JsonObject line || !TryGetInt(line["stock"], out var quantity)
                    || (line["location_id"] is { } locationNode && !TryGetString(locationNode, out location)))
                {
                    return Error(400, "error_param", "Each seller_stock entry needs an integer stock and, if given, a string location_id.");
                }

                stocks.Add((location, quantity));
            }

            models.Add((modelId, stocks));
        }

        if (!shop!.KnowsAny(Key(itemId, "")))
        {
            return Error(400, "error_item_not_found", $"Item {itemId} not found.");
        }

        var now = time.GetUtcNow();
        var succeeded = new JsonArray();
        var failed = new JsonArray();
        foreach (var (modelId, sellerStock) in models)
        {
            var key = Key(itemId, modelId.ToString(CultureInfo.InvariantCulture));
            if (LocationProblem(shop.WarehousesOf(key), sellerStock) is { } problem)
            {
                failed.Add(new JsonObject { ["model_id"] = modelId, ["failed_reason"] = problem });
                continue;
            }

            var warehouses = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (location, stock) in sellerStock)
            {
                warehouses[location ?? "default"] = stock;
            }

            if (warehouses.Values.Any(q => q < 0))
            {
                failed.Add(new JsonObject { ["model_id"] = modelId, ["failed_reason"] = "Invalid seller_stock." });
                continue;
            }

            var reason = shop.Apply(key, warehouses, now, out var failedWarehouses) switch
            {
                SkuFailure.None => null,
                SkuFailure.NotFound => "Model not exist.",
                SkuFailure.BelowReserved => "Stock can not be less than the reserved stock of the ongoing promotion.",
                SkuFailure.Warehouse => $"Update of location {string.Join(", ", failedWarehouses)} failed, please try again later.",
                _ => "System error, please try again later.",
            };
            if (reason is null)
            {
                succeeded.Add(new JsonObject { ["model_id"] = modelId, ["stock"] = warehouses.Values.Sum() });
            }
            else
            {
                failed.Add(new JsonObject { ["model_id"] = modelId, ["failed_reason"] = reason });
            }
        }

        return Ok(new JsonObject { ["success_list"] = succeeded, ["failure_list"] = failed });
    }

    /// <summary>
    /// A shop with platform warehouses needs a location_id (one of the model's) on every seller_stock entry;
    /// a shop without them takes one entry and no location_id.
    /// </summary>
    private static string? LocationProblem(IReadOnlyList<string> locations, List<(string? Location, int Stock)> sellerStock)
    {
        if (locations.Count == 0)
        {
            return sellerStock.Count > 1 || sellerStock[0].Location is not null
                ? "Invalid location_id: the shop has no platform warehouses, so seller_stock takes one entry without location_id."
                : null;
        }

        foreach (var (location, _) in sellerStock)
        {
            if (location is null)
            {
                return "Invalid seller_stock: location_id is required for a shop with platform warehouses.";
            }

            if (!locations.Contains(location, StringComparer.Ordinal))
            {
                return $"Invalid location_id {location}: not a warehouse of this model.";
            }
        }

        return sellerStock.Select(s => s.Location).Distinct(StringComparer.Ordinal).Count() == sellerStock.Count
            ? null
            : "Invalid seller_stock: a location_id is listed twice.";
    }

    private static async Task<IResult> UpdateItem(HttpContext http, SandboxState state, TimeProvider time)
    {
        var (shop, body, failure) = await AuthorizeAsync(http, state, time, UpdateItemPath);
        if (failure is not null)
        {
            return failure;
        }

        if (!TryGetLong(body?["item_id"], out var itemId)
            || body?["pre_order"] is not JsonObject preOrder || preOrder["is_pre_order"] is not JsonValue onNode
            || !onNode.TryGetValue<bool>(out var isPreOrder))
        {
            return Error(400, "error_param", "item_id and pre_order.is_pre_order are required.");
        }

        var daysToShip = 0;
        if (preOrder["days_to_ship"] is { } daysNode && !TryGetInt(daysNode, out daysToShip))
        {
            return Error(400, "error_param", "days_to_ship must be an integer.");
        }

        if (isPreOrder && daysToShip is < 7 or > 30)
        {
            return Error(400, "error_param", "days_to_ship of a pre-order item must be from 7 to 30.");
        }

        if (!shop!.KnowsAny(Key(itemId, "")))
        {
            return Error(400, "error_item_not_found", $"Item {itemId} not found.");
        }

        shop.SetPreOrder(itemId, isPreOrder, daysToShip, time.GetUtcNow());
        return Ok(new JsonObject
        {
            ["item_id"] = itemId,
            ["pre_order"] = new JsonObject { ["is_pre_order"] = isPreOrder, ["days_to_ship"] = daysToShip },
        });
    }

    private static async Task<(SandboxShop? Shop, JsonObject? Body, IResult? Failure)> AuthorizeAsync(
        HttpContext http,
        SandboxState state,
        TimeProvider time,
        string apiPath)
    {
        var query = http.Request.Query;
        string shopId = query["shop_id"].ToString();
        var shop = state.Find(ShopKey.Of(Marketplace.Shopee, shopId));
        if (shop is null)
        {
            return (null, null, Error(403, "error_auth", "Invalid shop_id or the shop is not authorized."));
        }

        var gate = await CallGate.AdmitAsync(shop, http, time, verdict => verdict switch
        {
            CallVerdict.RateLimited => Error(429, "product.rate_limit.exceeded", "Too many requests for this shop, please slow down."),
            CallVerdict.Throttle => Error(429, "error_rate_limit", "Request is rate limited."),
            _ => Error(500, "error_server", "Internal server error, please try again later."),
        });
        if (gate is not null)
        {
            return (shop, null, gate);
        }

        var credentials = shop.Credentials;
        string timestamp = query["timestamp"].ToString();
        if (query["partner_id"] != credentials.PartnerId.ToString(CultureInfo.InvariantCulture))
        {
            return (shop, null, Error(403, "error_auth", "Invalid partner_id."));
        }

        if (query["access_token"] != credentials.AccessToken)
        {
            return (shop, null, Error(403, "error_auth", "Invalid access_token."));
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !CallGate.WithinWindow(time.GetUtcNow(), DateTimeOffset.FromUnixTimeSeconds(seconds), ClockWindow, ClockWindow))
        {
            return (shop, null, Error(403, "error_auth", "Invalid timestamp: more than 5 minutes off."));
        }

        var expected = Signatures.Shopee(credentials.PartnerKey, query["partner_id"].ToString(), apiPath, timestamp, credentials.AccessToken, shopId);
        if (!Signatures.Matches(expected, query["sign"]))
        {
            return (shop, null, Error(403, "error_auth", "Wrong sign."));
        }

        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) is JsonObject body
                ? (shop, body, null)
                : (shop, null, Error(400, "error_param", "The body must be a JSON object."));
        }
        catch (JsonException)
        {
            return (shop, null, Error(400, "error_param", "The body is not JSON."));
        }
    }

    private static bool TryGetLong(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue(out value);
    }

    private static bool TryGetInt(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue(out value);
    }

    private static bool TryGetString(JsonNode? node, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return node is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.TryGetValue(out value);
    }

    private static string Key(long itemId, string modelId) => string.Create(CultureInfo.InvariantCulture, $"{itemId}:{modelId}");

    private static IResult Ok(JsonObject response) => TypedResults.Json<JsonNode>(new JsonObject
    {
        ["error"] = "",
        ["message"] = "",
        ["warning"] = "",
        ["request_id"] = CallGate.RequestId(),
        ["response"] = response,
    });

    private static IResult Error(int status, string error, string message) => TypedResults.Json<JsonNode>(
        new JsonObject { ["error"] = error, ["message"] = message, ["request_id"] = CallGate.RequestId() },
        statusCode: status);
}
