using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using PushInventory.Contracts;

namespace PushInventory.Connectors.Tests;

/// <summary>Registers shops with the sandbox, sets faults and reads what it holds, over HTTP.</summary>
public sealed class SandboxDriver(HttpClient http) : IDisposable
{
    private static long nextId = 100_000_000_000 + Random.Shared.Next(1_000_000);

    public Uri BaseAddress => http.BaseAddress!;

    public static long NewId() => Interlocked.Increment(ref nextId);

    /// <summary>
    /// Registers a Shopee shop. <paramref name="warehouses"/> are the store's platform warehouses and, unless
    /// <paramref name="sandboxWarehouses"/> says otherwise, the shop's in the sandbox; <paramref name="skuWarehouses"/>
    /// gives SKUs (of <paramref name="skus"/>) warehouses of their own.
    /// </summary>
    public async Task<StoreTarget> RegisterShopeeAsync(
        IReadOnlyList<string>? warehouses = null,
        IReadOnlyList<(string Sku, int Reserved)>? skus = null,
        string? storePartnerKey = null,
        IReadOnlyList<string>? sandboxWarehouses = null,
        IReadOnlyDictionary<string, string[]>? skuWarehouses = null)
    {
        var shopId = NewId();
        var partnerKey = $"partner-key-{shopId}";
        await RegisterAsync(new
        {
            marketplace = "Shopee",
            partnerId = 2001887,
            partnerKey,
            shopId,
            accessToken = $"token-{shopId}",
            skus = Skus(skus, skuWarehouses),
            warehouses = sandboxWarehouses ?? warehouses,
        });
        return Store(Marketplace.Shopee, "shopee", warehouses, StoreCredentials.Shopee(2001887, storePartnerKey ?? partnerKey, shopId, $"token-{shopId}"));
    }

    public async Task<StoreTarget> RegisterLazadaAsync(
        IReadOnlyList<string>? warehouses = null,
        IReadOnlyList<(string Sku, int Reserved)>? skus = null,
        string? storeAppSecret = null,
        IReadOnlyList<string>? sandboxWarehouses = null,
        IReadOnlyDictionary<string, string[]>? skuWarehouses = null)
    {
        var id = NewId();
        var token = $"lazada-token-{id}";
        await RegisterAsync(new
        {
            marketplace = "Lazada",
            appKey = "100132",
            appSecret = $"secret-{id}",
            accessToken = token,
            skus = Skus(skus, skuWarehouses),
            warehouses = sandboxWarehouses ?? warehouses,
        });
        return Store(Marketplace.Lazada, "lazada", warehouses, StoreCredentials.Lazada("100132", storeAppSecret ?? $"secret-{id}", token));
    }

    public async Task<StoreTarget> RegisterTikTokShopAsync(
        IReadOnlyList<string>? warehouses = null,
        IReadOnlyList<(string Sku, int Reserved)>? skus = null,
        string? storeAppSecret = null,
        Marketplace marketplace = Marketplace.TikTokShop,
        IReadOnlyList<string>? sandboxWarehouses = null,
        IReadOnlyDictionary<string, string[]>? skuWarehouses = null)
    {
        var id = NewId();
        var cipher = $"ROW_cipher_{id}";
        await RegisterAsync(new
        {
            marketplace = marketplace.ToString(),
            appKey = "6abc",
            appSecret = $"secret-{id}",
            accessToken = $"tts-token-{id}",
            shopCipher = cipher,
            skus = Skus(skus, skuWarehouses),
            warehouses = sandboxWarehouses ?? warehouses,
        });
        return Store(marketplace, "tiktok", warehouses, StoreCredentials.TikTokShop("6abc", storeAppSecret ?? $"secret-{id}", $"tts-token-{id}", cipher));
    }

    public static string ShopOf(StoreTarget store) => store.Marketplace switch
    {
        Marketplace.Shopee => store.Credentials.ShopId.ToString(CultureInfo.InvariantCulture),
        Marketplace.Lazada => store.Credentials.AccessToken,
        _ => store.Credentials.ShopCipher!,
    };

    public async Task SetFaultsAsync(StoreTarget store, object faults)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["marketplace"] = store.Marketplace.ToString(),
            ["shop"] = ShopOf(store),
        };
        foreach (var property in faults.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(faults);
        }

        using var response = await http.PostAsJsonAsync("/sandbox/faults", body);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public async Task ClearFaultsAsync(StoreTarget store)
    {
        using var response = await http.DeleteAsync($"/sandbox/faults?{Query(store)}");
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    public async Task<StockView> StockAsync(StoreTarget store) =>
        (await http.GetFromJsonAsync<StockView>($"/sandbox/stock?{Query(store)}"))!;

    public async Task<List<HistoryView>> HistoryAsync(StoreTarget store, string sku) =>
        (await http.GetFromJsonAsync<List<HistoryView>>($"/sandbox/stock/history?{Query(store)}&sku={Uri.EscapeDataString(sku)}"))!;

    public async Task<CallsView> CallsAsync(StoreTarget store) =>
        (await http.GetFromJsonAsync<CallsView>($"/sandbox/calls?{Query(store)}"))!;

    public Task<HttpResponseMessage> PostAsync(string path, object body) => http.PostAsJsonAsync(path, body);

    /// <summary>Sends a raw request to the sandbox (for requests the connectors would never make).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request, TestContext.Current.CancellationToken);

    public void Dispose() => http.Dispose();

    private static string Query(StoreTarget store) =>
        $"marketplace={store.Marketplace}&shop={Uri.EscapeDataString(ShopOf(store))}";

    private static IEnumerable<object>? Skus(IReadOnlyList<(string Sku, int Reserved)>? skus, IReadOnlyDictionary<string, string[]>? skuWarehouses) =>
        skus?.Select(s => new { sku = s.Sku, reservedStock = s.Reserved, warehouses = skuWarehouses?.GetValueOrDefault(s.Sku) });

    private async Task RegisterAsync(object registration)
    {
        using var response = await http.PostAsJsonAsync("/sandbox/shops", registration);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private StoreTarget Store(Marketplace marketplace, string prefix, IReadOnlyList<string>? warehouses, StoreCredentials credentials) =>
        new(Guid.NewGuid(), marketplace, new Uri(BaseAddress, $"/sandbox/{prefix}"), warehouses ?? [], credentials);
}
