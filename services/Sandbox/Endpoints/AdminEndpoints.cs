using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PushInventory.Contracts;
using PushInventory.Sandbox.Domain;

namespace PushInventory.Sandbox.Endpoints;

/// <summary>Registration, faults and inspection.</summary>
internal static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/shops", Register);
        sandbox.MapPost("/faults", SetFaults);
        sandbox.MapDelete("/faults", ClearFaults);
        sandbox.MapGet("/stock", GetStock);
        sandbox.MapGet("/stock/history", GetHistory);
        sandbox.MapGet("/calls", GetCalls);
    }

    private static Results<Created<ShopRegistered>, ValidationProblem> Register(ShopRegistration request, SandboxState state)
    {
        if (!ShopKey.TryParseMarketplace(request.Marketplace, out var marketplace))
        {
            return Invalid("marketplace", "Shopee, Lazada, TikTokShop or Tokopedia.");
        }

        var errors = new Dictionary<string, string[]>();
        void Require(bool ok, string field)
        {
            if (!ok)
            {
                errors[field] = [$"{field} is required for {marketplace}."];
            }
        }

        Require(!string.IsNullOrEmpty(request.AccessToken), "accessToken");
        string shop;
        if (marketplace == Marketplace.Shopee)
        {
            Require(request.PartnerId is not null, "partnerId");
            Require(!string.IsNullOrEmpty(request.PartnerKey), "partnerKey");
            Require(request.ShopId is not null, "shopId");
            shop = request.ShopId?.ToString(CultureInfo.InvariantCulture) ?? "";
        }
        else
        {
            Require(!string.IsNullOrEmpty(request.AppKey), "appKey");
            Require(!string.IsNullOrEmpty(request.AppSecret), "appSecret");
            if (marketplace == Marketplace.Lazada)
            {
                shop = request.AccessToken ?? "";
            }
            else
            {
                Require(!string.IsNullOrEmpty(request.ShopCipher), "shopCipher");
                shop = request.ShopCipher ?? "";
            }
        }

        if (request.Skus?.Any(s => string.IsNullOrEmpty(s.Sku) || s.ReservedStock < 0 || !ValidWarehouses(s.Warehouses)) == true)
        {
            errors["skus"] = ["Every SKU needs a key, a reserved stock of 0 or more, and distinct non-empty warehouse ids if any."];
        }

        if (!ValidWarehouses(request.Warehouses))
        {
            errors["warehouses"] = ["Warehouse ids must be distinct and non-empty."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var key = ShopKey.Of(marketplace, shop);
        var credentials = new ShopCredentials(
            request.PartnerId ?? 0,
            request.PartnerKey ?? "",
            request.ShopId ?? 0,
            request.AppKey ?? "",
            request.AppSecret ?? "",
            request.AccessToken!,
            request.ShopCipher ?? "");
        var registered = new SandboxShop(key, credentials, knownSkusOnly: request.Skus is { Count: > 0 }, [.. request.Warehouses ?? []]);
        foreach (var sku in request.Skus ?? [])
        {
            registered.AddKnownSku(sku.Sku, sku.ReservedStock, [.. sku.Warehouses ?? []]);
        }

        state.Register(registered);
        var shopParam = Uri.EscapeDataString(shop);
        return TypedResults.Created(
            $"/sandbox/stock?marketplace={key.Marketplace}&shop={shopParam}",
            new ShopRegistered(key.Marketplace.ToString(), shop));
    }

    private static Results<NoContent, NotFound, ValidationProblem> SetFaults(FaultRequest request, SandboxState state)
    {
        if (!TryFind(state, request.Marketplace, request.Shop, out var shop, out var problem))
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        double[] shares = [request.ThrottleShare, request.ServerErrorShare, request.TimeoutShare, request.PartialFailureShare];
        if (shares.Any(s => s is < 0 or > 1) || request.ThrottleShare + request.ServerErrorShare + request.TimeoutShare > 1)
        {
            return Invalid("shares", "Each share is from 0 to 1, and throttle + server error + timeout at most 1.");
        }

        if (request.TimeoutDelayMs < 0 || request.RateLimitPerSecond is < 1 || request.RetryAfterSeconds is < 0 or > 3600)
        {
            return Invalid("limits", "timeoutDelayMs is 0 or more; rateLimitPerSecond is 1 or more when set; retryAfterSeconds from 0 to 3600.");
        }

        if (request.WarehouseFailures?.Any(f => string.IsNullOrEmpty(f.Sku) || string.IsNullOrEmpty(f.Warehouse)) == true)
        {
            return Invalid("warehouseFailures", "Each needs a sku and a warehouse.");
        }

        shop!.Faults = new FaultSettings(
            request.ThrottleShare,
            request.ServerErrorShare,
            request.TimeoutShare,
            TimeSpan.FromMilliseconds(request.TimeoutDelayMs),
            request.PartialFailureShare,
            (request.BelowReservedSkus ?? []).ToHashSet(StringComparer.Ordinal),
            request.RateLimitPerSecond,
            request.RetryAfterSeconds,
            request.RetryAfterAsDate,
            (request.WarehouseFailures ?? []).Select(f => (f.Sku!, f.Warehouse!)).ToHashSet());
        return TypedResults.NoContent();
    }

    private static Results<NoContent, NotFound, ValidationProblem> ClearFaults(string? marketplace, string? shop, SandboxState state)
    {
        if (!TryFind(state, marketplace, shop, out var found, out var problem))
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        found!.Faults = FaultSettings.None;
        return TypedResults.NoContent();
    }

    private static Results<Ok<ShopStock>, NotFound, ValidationProblem> GetStock(string? marketplace, string? shop, SandboxState state)
    {
        if (!TryFind(state, marketplace, shop, out var found, out var problem))
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        return TypedResults.Ok(new ShopStock(found!.Key.Marketplace.ToString(), found.Key.Shop, found.Stock(), found.PreOrders()));
    }

    private static Results<Ok<IReadOnlyList<StockChange>>, NotFound, ValidationProblem> GetHistory(string? marketplace, string? shop, string? sku, SandboxState state)
    {
        if (!TryFind(state, marketplace, shop, out var found, out var problem))
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        return found!.History(sku ?? "") is { } history ? TypedResults.Ok(history) : TypedResults.NotFound();
    }

    private static Results<Ok<ShopCalls>, NotFound, ValidationProblem> GetCalls(string? marketplace, string? shop, SandboxState state)
    {
        if (!TryFind(state, marketplace, shop, out var found, out var problem))
        {
            return problem is null ? TypedResults.NotFound() : problem;
        }

        var calls = found!.Calls();
        return TypedResults.Ok(new ShopCalls(calls.Count, calls, found.Throttled()));
    }

    private static bool TryFind(SandboxState state, string? marketplace, string? shop, out SandboxShop? found, out ValidationProblem? problem)
    {
        found = null;
        problem = null;
        if (!ShopKey.TryParseMarketplace(marketplace, out var parsed))
        {
            problem = Invalid("marketplace", "Shopee, Lazada, TikTokShop or Tokopedia.");
            return false;
        }

        if (string.IsNullOrEmpty(shop))
        {
            problem = Invalid("shop", "The shop key: Shopee shop_id, Lazada access token, TikTok shop_cipher.");
            return false;
        }

        found = state.Find(ShopKey.Of(parsed, shop));
        return found is not null;
    }

    private static bool ValidWarehouses(IReadOnlyList<string>? warehouses) =>
        warehouses is null || (warehouses.All(w => !string.IsNullOrWhiteSpace(w)) && warehouses.Distinct(StringComparer.Ordinal).Count() == warehouses.Count);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
