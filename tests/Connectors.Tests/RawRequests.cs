using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PushInventory.Connectors.Lazada;
using PushInventory.Connectors.Shopee;
using PushInventory.Connectors.TikTokShop;

namespace PushInventory.Connectors.Tests;

/// <summary>
/// Signed requests written by hand, over real HTTP, to see what the sandbox answers to requests the
/// connectors would never make (stale clocks, oversized batches, malformed bodies).
/// </summary>
public sealed class RawRequests(SandboxDriver driver)
{
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public Task<(HttpStatusCode Status, JsonNode? Body)> ShopeeAsync(StoreTarget store, string body, string apiPath = ShopeeConnector.UpdateStockPath, long? timestamp = null)
    {
        var c = store.Credentials;
        var ts = timestamp ?? Now;
        var sign = ShopeeSigner.Sign(c.PartnerKey!, c.PartnerId, apiPath, ts, c.AccessToken, c.ShopId);
        var url = string.Create(CultureInfo.InvariantCulture, $"{store.BaseUrl}{apiPath}?partner_id={c.PartnerId}&timestamp={ts}&access_token={Uri.EscapeDataString(c.AccessToken)}&shop_id={c.ShopId}&sign={sign}");
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    /// <summary>System parameters in the query (as the SDKs send them) or, with <paramref name="allInForm"/>, all in the form.</summary>
    public Task<(HttpStatusCode Status, JsonNode? Body)> LazadaAsync(
        StoreTarget store,
        string payload,
        long? timestampMs = null,
        string signMethod = "sha256",
        bool allInForm = false)
    {
        var c = store.Credentials;
        var system = new List<KeyValuePair<string, string>>
        {
            new("app_key", c.AppKey!),
            new("timestamp", (timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture)),
            new("access_token", c.AccessToken),
            new("sign_method", signMethod),
        };
        var api = new List<KeyValuePair<string, string>> { new("payload", payload) };
        system.Add(new("sign", LazadaSigner.Sign(c.AppSecret!, LazadaConnector.UpdateSellableStockPath, [.. system, .. api])));
        var url = $"{store.BaseUrl}{LazadaConnector.UpdateSellableStockPath}";
        if (allInForm)
        {
            return SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([.. system, .. api]) });
        }

        var query = string.Join('&', system.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{url}?{query}") { Content = new FormUrlEncodedContent(api) });
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> TikTokAsync(StoreTarget store, long productId, string body, long? timestamp = null)
    {
        var c = store.Credentials;
        var apiPath = TikTokShopConnector.UpdateInventoryPath(productId);
        var query = new List<KeyValuePair<string, string>>
        {
            new("app_key", c.AppKey!),
            new("timestamp", (timestamp ?? Now).ToString(CultureInfo.InvariantCulture)),
            new("shop_cipher", c.ShopCipher!),
        };
        query.Add(new("sign", TikTokShopSigner.Sign(c.AppSecret!, apiPath, query, body)));
        var request = new HttpRequestMessage(HttpMethod.Post, $"{store.BaseUrl}{apiPath}?{string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"))}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-tts-access-token", c.AccessToken);
        return SendAsync(request);
    }

    /// <summary>A Shopee update_stock body for an item with the given models, each with stock 1.</summary>
    public static string ShopeeStock(long itemId, int models) =>
        new JsonObject
        {
            ["item_id"] = itemId,
            ["stock_list"] = new JsonArray([.. Enumerable.Range(1, models).Select(m => (JsonNode)new JsonObject
            {
                ["model_id"] = m,
                ["seller_stock"] = new JsonArray(new JsonObject { ["stock"] = 1 }),
            })]),
        }.ToJsonString();

    /// <summary>A Lazada payload with the given number of SKUs, each with quantity 1.</summary>
    public static string LazadaPayload(int skus) =>
        $"<Request><Product><Skus>{string.Concat(Enumerable.Range(1, skus).Select(i => $"<Sku><SellerSku>RAW-{i}</SellerSku><SellableQuantity>1</SellableQuantity></Sku>"))}</Skus></Product></Request>";

    /// <summary>A TikTok Shop body with the given number of SKUs, each with quantity 1 in no named warehouse.</summary>
    public static string TikTokSkus(int skus) =>
        new JsonObject
        {
            ["skus"] = new JsonArray([.. Enumerable.Range(1, skus).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.ToString(CultureInfo.InvariantCulture),
                ["inventory"] = new JsonArray(new JsonObject { ["quantity"] = 1 }),
            })]),
        }.ToJsonString();

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await driver.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", text);
            return (response.StatusCode, JsonNode.Parse(text));
        }
    }
}
