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

        if (body?["item_id"] is not JsonValue itemNode || !itemNode.TryGetValue<long>(out var itemId)
            || body["stock_list"] is not JsonArray stockList || stockList.Count == 0)
        {
            return Error(400, "error_param", "item_id and a non-empty stock_list are required.");
        }

        if (stockList.Count > MaxModelsPerCall)
        {
            return Error(400, "error_param", $"stock_list has {stockList.Count} models; at most {MaxModelsPerCall} per call.");
        }

        if (!shop!.KnowsAny(Key(itemId, "")))
        {
            return Error(400, "error_item_not_found", $"Item {itemId} not found.");
        }

        var now = time.GetUtcNow();
        var succeeded = new JsonArray();
        var failed = new JsonArray();
        foreach (var entry in stockList)
        {
            var modelId = entry?["model_id"]?.GetValue<long>() ?? 0;
            var warehouses = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var stock in entry?["seller_stock"] as JsonArray ?? [])
            {
                var location = stock?["location_id"]?.GetValue<string>() ?? "default";
                warehouses[location] = stock?["stock"]?.GetValue<int>() ?? 0;
            }

            if (warehouses.Count == 0 || warehouses.Values.Any(q => q < 0))
            {
                failed.Add(new JsonObject { ["model_id"] = modelId, ["failed_reason"] = "Invalid seller_stock." });
                continue;
            }

            var reason = shop.Apply(Key(itemId, modelId.ToString(CultureInfo.InvariantCulture)), warehouses, now) switch
            {
                SkuFailure.None => null,
                SkuFailure.NotFound => "Model not exist.",
                SkuFailure.BelowReserved => "Stock can not be less than the reserved stock of the ongoing promotion.",
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

    private static async Task<IResult> UpdateItem(HttpContext http, SandboxState state, TimeProvider time)
    {
        var (shop, body, failure) = await AuthorizeAsync(http, state, time, UpdateItemPath);
        if (failure is not null)
        {
            return failure;
        }

        if (body?["item_id"] is not JsonValue itemNode || !itemNode.TryGetValue<long>(out var itemId)
            || body["pre_order"] is not JsonObject preOrder || preOrder["is_pre_order"] is not JsonValue onNode
            || !onNode.TryGetValue<bool>(out var isPreOrder))
        {
            return Error(400, "error_param", "item_id and pre_order.is_pre_order are required.");
        }

        var daysToShip = preOrder["days_to_ship"]?.GetValue<int>() ?? 0;
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

    private static async Task<(SandboxShop? Shop, JsonNode? Body, IResult? Failure)> AuthorizeAsync(
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
            return (shop, await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted), null);
        }
        catch (JsonException)
        {
            return (shop, null, Error(400, "error_param", "The body is not JSON."));
        }
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
