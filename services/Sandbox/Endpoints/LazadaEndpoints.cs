using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using PushInventory.Contracts;
using PushInventory.Sandbox.Domain;

namespace PushInventory.Sandbox.Endpoints;

/// <summary>
/// Lazada Open Platform under <c>/sandbox/lazada</c> (also <c>/sandbox/lazada/rest</c>): the store's base
/// URL stands for <c>https://api.lazada.com.ph/rest</c>, and the API path is signed without any prefix.
/// </summary>
internal static class LazadaEndpoints
{
    private const string UpdateSellableStockPath = "/product/stock/sellable/update";
    private const int MaxSkusPerCall = 50;
    private static readonly TimeSpan ClockWindow = TimeSpan.FromSeconds(7200);

    public static void Map(RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/lazada" + UpdateSellableStockPath, UpdateSellableStock);
        sandbox.MapPost("/lazada/rest" + UpdateSellableStockPath, UpdateSellableStock);
    }

    private static async Task<IResult> UpdateSellableStock(HttpContext http, SandboxState state, TimeProvider time)
    {
        var parameters = http.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (http.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return Error("InvalidParameter", "The form body could not be read.");
            }

            // The SDKs send system parameters in the query and API parameters in the form; either is accepted.
            foreach (var (key, value) in form)
            {
                parameters.TryAdd(key, value.ToString());
            }
        }

        var shop = state.Find(ShopKey.Of(Marketplace.Lazada, parameters.GetValueOrDefault("access_token") ?? ""));
        if (shop is null)
        {
            return Error("IllegalAccessToken", "The specified access token is invalid or expired.");
        }

        var gate = await CallGate.AdmitAsync(shop, http, time, verdict => verdict switch
        {
            CallVerdict.RateLimited => Error("SellerCallLimit", "The request has exceeded the seller's call limit; this ban will last 1 seconds."),
            CallVerdict.Throttle => Error("ApiCallLimit", "The request has exceeded the API call limit."),
            _ => Error("ServiceUnavailable", "The service is temporarily unavailable.", StatusCodes.Status503ServiceUnavailable, "ISP"),
        });
        if (gate is not null)
        {
            return gate;
        }

        var credentials = shop.Credentials;
        if (parameters.GetValueOrDefault("app_key") != credentials.AppKey)
        {
            return Error("InvalidApiKey", "The specified app key is invalid.");
        }

        if (parameters.GetValueOrDefault("sign_method") != "sha256")
        {
            return Error("InvalidSignMethod", "sign_method must be sha256.");
        }

        if (!long.TryParse(parameters.GetValueOrDefault("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || !CallGate.WithinWindow(time.GetUtcNow(), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), ClockWindow, ClockWindow))
        {
            return Error("InvalidTimestamp", "The timestamp is more than 7200 seconds off.");
        }

        if (!Signatures.Matches(Signatures.Lazada(credentials.AppSecret, UpdateSellableStockPath, parameters), parameters.GetValueOrDefault("sign")))
        {
            return Error("IncompleteSignature", "The request signature does not conform to platform standards.");
        }

        List<XElement> skus;
        try
        {
            skus = [.. XDocument.Parse(parameters.GetValueOrDefault("payload") ?? "").Root?.Element("Product")?.Element("Skus")?.Elements("Sku") ?? []];
        }
        catch (XmlException)
        {
            return Error("InvalidParameter", "payload is not valid XML.");
        }

        if (skus.Count is 0 or > MaxSkusPerCall)
        {
            return Error("InvalidParameter", $"payload has {skus.Count} SKUs; 1 to {MaxSkusPerCall} per call.");
        }

        var now = time.GetUtcNow();
        var details = new JsonArray();
        foreach (var sku in skus)
        {
            var sellerSku = sku.Element("SellerSku")?.Value ?? "";
            var inventory = Inventory(sku);
            if (sellerSku.Length == 0 || inventory is null)
            {
                details.Add(Detail(sellerSku, "InvalidParameter", "Invalid SellerSku or SellableQuantity."));
                continue;
            }

            if (FormatProblem(shop.WarehousesOf(sellerSku), inventory.Value) is { } problem)
            {
                details.Add(Detail(sellerSku, "InvalidParameter", problem));
                continue;
            }

            var warehouses = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (code, quantity) in inventory.Value.Lines)
            {
                warehouses[code ?? "default"] = quantity;
            }

            switch (shop.Apply(sellerSku, warehouses, now, out var failedWarehouses))
            {
                case SkuFailure.Warehouse:
                    details.Add(Detail(sellerSku, "SystemBusy", $"System is busy updating warehouse {string.Join(", ", failedWarehouses)}, please retry later."));
                    break;
                case SkuFailure.NotFound:
                    details.Add(Detail(sellerSku, "SkuNotFound", "SKU not found."));
                    break;
                case SkuFailure.BelowReserved:
                    details.Add(Detail(sellerSku, "4170", "Sellable quantity is less than the reserved/promotion stock."));
                    break;
                case SkuFailure.Partial:
                    details.Add(Detail(sellerSku, "SystemBusy", "System is busy, please retry later."));
                    break;
            }
        }

        return details.Count == 0
            ? TypedResults.Json<JsonNode>(new JsonObject { ["code"] = "0", ["request_id"] = CallGate.RequestId() })
            : TypedResults.Json<JsonNode>(new JsonObject
            {
                ["code"] = "501",
                ["type"] = "ISV",
                ["message"] = "Some SKUs failed.",
                ["detail"] = details,
                ["request_id"] = CallGate.RequestId(),
            });
    }

    /// <summary>The SKU's stock lines, multi-warehouse or not; null when a quantity is not a whole number of 0 or more.</summary>
    private static (bool Multi, List<(string? Code, int Quantity)> Lines)? Inventory(XElement sku)
    {
        var lines = new List<(string? Code, int Quantity)>();
        if (sku.Element("MultiWarehouseInventories") is { } multi)
        {
            foreach (var inventory in multi.Elements("MultiWarehouseInventory"))
            {
                if (!int.TryParse(inventory.Element("SellableQuantity")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
                {
                    return null;
                }

                lines.Add((inventory.Element("WarehouseCode")?.Value, quantity));
            }

            return lines.Count == 0 ? null : (true, lines);
        }

        if (!int.TryParse(sku.Element("SellableQuantity")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
        {
            return null;
        }

        lines.Add((null, single));
        return (false, lines);
    }

    /// <summary>A shop with platform warehouses takes only the multi-warehouse format, with its warehouse codes; one without, only the plain one.</summary>
    private static string? FormatProblem(IReadOnlyList<string> warehouses, (bool Multi, List<(string? Code, int Quantity)> Lines) inventory)
    {
        if (warehouses.Count == 0)
        {
            return inventory.Multi
                ? "Invalid format: the seller has no multi-warehouse setup; send SellableQuantity without MultiWarehouseInventories."
                : null;
        }

        if (!inventory.Multi)
        {
            return "Invalid format: the seller has several warehouses; send MultiWarehouseInventories with a WarehouseCode each.";
        }

        foreach (var (code, _) in inventory.Lines)
        {
            if (string.IsNullOrEmpty(code) || !warehouses.Contains(code, StringComparer.Ordinal))
            {
                return $"Invalid WarehouseCode '{code}': not a warehouse of this seller.";
            }
        }

        return inventory.Lines.Select(l => l.Code).Distinct(StringComparer.Ordinal).Count() == inventory.Lines.Count
            ? null
            : "Invalid MultiWarehouseInventories: a WarehouseCode is listed twice.";
    }

    private static JsonObject Detail(string sellerSku, string code, string message) =>
        new() { ["seller_sku"] = sellerSku, ["code"] = code, ["message"] = message, ["field"] = "SellableQuantity" };

    private static IResult Error(string code, string message, int status = StatusCodes.Status200OK, string type = "ISV") =>
        TypedResults.Json<JsonNode>(
            new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message, ["request_id"] = CallGate.RequestId() },
            statusCode: status);
}
