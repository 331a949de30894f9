using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace PushInventory.Catalog.Tests;

/// <summary>Small helpers to call the Catalog API and read its JSON.</summary>
internal static class Api
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, string Raw)> SendAsync(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is string text ? new StringContent(text, Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, raw.Length == 0 ? null : JsonNode.Parse(raw), raw);
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, string Raw)> PostJsonAsync(this HttpClient client, string path, object body) => client.SendAsync(HttpMethod.Post, path, body);

    public static Task<(HttpStatusCode Status, JsonNode? Body, string Raw)> PutJsonAsync(this HttpClient client, string path, object body) => client.SendAsync(HttpMethod.Put, path, body);

    public static Task<(HttpStatusCode Status, JsonNode? Body, string Raw)> GetJsonAsync(this HttpClient client, string path) => client.SendAsync(HttpMethod.Get, path);

    public static Task<(HttpStatusCode Status, JsonNode? Body, string Raw)> DeleteJsonAsync(this HttpClient client, string path) => client.SendAsync(HttpMethod.Delete, path);

    public static async Task<(HttpStatusCode Status, JsonNode? Body, string Raw)> ImportAsync(this HttpClient client, string csv, string contentType = "text/csv")
    {
        using var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        using var response = await client.PostAsync("/api/catalog/merchant-skus/import", content);
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, raw.Length == 0 ? null : JsonNode.Parse(raw), raw);
    }

    /// <summary>Creates a merchant SKU and returns its id.</summary>
    public static async Task<Guid> CreateSkuAsync(this HttpClient client, string code, object[]? components = null, Guid? categoryId = null)
    {
        var (status, body, raw) = await client.PostJsonAsync("/api/catalog/merchant-skus", new { code, name = $"{code} name", categoryId, components });
        status.ShouldBe(HttpStatusCode.Created, raw);
        return body!["id"]!.GetValue<Guid>();
    }

    public static object ShopeeStore(string name = "Shopee PH", string partnerKey = "pk", string accessToken = "at") => new
    {
        marketplace = "Shopee",
        name,
        region = "PH",
        credentials = new { partnerId = 1001L, partnerKey, shopId = 2002L, accessToken },
    };

    public static async Task<Guid> CreateStoreAsync(this HttpClient client, object? store = null)
    {
        var (status, body, raw) = await client.PostJsonAsync("/api/catalog/stores", store ?? ShopeeStore());
        status.ShouldBe(HttpStatusCode.Created, raw);
        return body!["id"]!.GetValue<Guid>();
    }

    /// <summary>Upserts Shopee store SKUs (item id, seller SKU) and returns their ids in order.</summary>
    public static async Task<List<Guid>> AddShopeeSkusAsync(this HttpClient client, Guid storeId, params (long ItemId, string SellerSku)[] skus)
    {
        var (status, body, raw) = await client.PostJsonAsync($"/api/catalog/stores/{storeId}/skus", new { skus = skus.Select(s => new { itemId = s.ItemId, sellerSku = s.SellerSku, name = $"{s.SellerSku} listing" }).ToArray() });
        status.ShouldBe(HttpStatusCode.OK, raw);
        return body!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
    }

    public static string Csv(IEnumerable<string> rows) => "code,name,category\n" + string.Join("\n", rows) + "\n";
}
