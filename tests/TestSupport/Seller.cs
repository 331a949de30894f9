using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PushInventory.TestSupport;

/// <summary>
/// A seller using the public API as a person would: one tenant behind the gateway (or the embedded host's
/// gateway paths), its stores on a Sandbox marketplace.
/// </summary>
public sealed class Seller(SystemUnderTest system, HttpClient api, Guid tenantId) : IDisposable
{
    static long _nextShop = Random.Shared.NextInt64(1_000_000, 9_000_000_000);

    public Guid TenantId { get; } = tenantId;

    public HttpClient Api { get; } = api;

    public HttpClient Admin { get; } = AdminClient(system);

    /// <summary>The Sandbox's own client (in the embedded host it is the same address as the API).</summary>
    public HttpClient Sandbox { get; } = new() { BaseAddress = system.Sandbox };

    public sealed record Store(Guid Id, string Marketplace, string ShopKey);

    public static async Task<Seller> CreateAsync(SystemUnderTest system, string plan = "Basic", bool featuresOn = true, params string[] warehouses)
    {
        using var admin = AdminClient(system);
        var created = await ReadAsync(await admin.PostAsJsonAsync("/api/admin/tenants", new { name = "E2E seller", plan }), HttpStatusCode.Created);
        var api = new HttpClient { BaseAddress = system.Gateway };
        api.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("apiKey").GetString());
        var seller = new Seller(system, api, created.GetProperty("id").GetGuid());
        foreach (var code in warehouses.Length == 0 ? ["WH-A"] : warehouses)
        {
            await ReadAsync(await api.PostAsJsonAsync("/api/stock/warehouses", new { code, name = code }), HttpStatusCode.Created);
        }

        if (featuresOn)
        {
            await seller.SetFeaturesAsync(true);
        }

        return seller;
    }

    static HttpClient AdminClient(SystemUnderTest system)
    {
        var admin = new HttpClient { BaseAddress = system.Gateway };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", system.AdminKey);
        return admin;
    }

    public async Task SetFeaturesAsync(bool on) =>
        await ReadAsync(await Api.PutAsJsonAsync("/api/settings", new { inventoryFeaturesEnabled = on }), HttpStatusCode.OK);

    public async Task<Guid> SkuAsync(string code, params (string Code, int Quantity)[] components)
    {
        object body = components.Length == 0
            ? new { code, name = code }
            : new { code, name = code, components = components.Select(c => new { code = c.Code, quantity = c.Quantity }) };
        return (await ReadAsync(await Api.PostAsJsonAsync("/api/catalog/merchant-skus", body), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A store on the Sandbox: registers the shop's credentials there, then creates the store pointing at it.</summary>
    public async Task<Store> StoreAsync(string marketplace, string name)
    {
        var shop = Interlocked.Increment(ref _nextShop);
        var secret = $"secret-{Guid.NewGuid():N}";
        var token = $"token-{Guid.NewGuid():N}";
        var (credentials, shopKey, path) = marketplace switch
        {
            "Shopee" => ((object)new { partnerId = 2_001_887L, partnerKey = secret, shopId = shop, accessToken = token }, shop.ToString(System.Globalization.CultureInfo.InvariantCulture), "shopee"),
            "Lazada" => (new { appKey = "100132", appSecret = secret, accessToken = token }, token, "lazada"),
            _ => (new { appKey = "6e2eapp", appSecret = secret, accessToken = token, shopCipher = $"ROW_{shop}" }, $"ROW_{shop}", "tiktok"),
        };
        var registration = JsonSerializer.SerializeToElement(credentials);
        var register = new Dictionary<string, object> { ["marketplace"] = marketplace };
        foreach (var property in registration.EnumerateObject())
        {
            register[property.Name] = property.Value;
        }

        (await Sandbox.PostAsJsonAsync("/sandbox/shops", register)).EnsureSuccessStatusCode();
        var store = await ReadAsync(await Api.PostAsJsonAsync("/api/catalog/stores", new
        {
            marketplace,
            name,
            region = "PH",
            baseUrl = new Uri(system.Sandbox, $"/sandbox/{path}").ToString(),
            credentials,
        }), HttpStatusCode.Created);
        return new Store(store.GetProperty("id").GetGuid(), marketplace, shopKey);
    }

    /// <summary>Adds one store SKU and returns its id and its key in the Sandbox.</summary>
    public async Task<(Guid Id, string SandboxKey)> StoreSkuAsync(Store store, string sellerSku, int reservedStock = 0)
    {
        var n = Interlocked.Increment(ref _nextShop);
        object sku = store.Marketplace switch
        {
            "Shopee" => new { sellerSku, name = sellerSku, itemId = n, modelId = 0L, reservedStock },
            "Lazada" => new { sellerSku, name = sellerSku, itemId = n, skuId = n + 1, reservedStock },
            _ => new { sellerSku, name = sellerSku, productId = n, skuId = n + 1, reservedStock },
        };
        var result = await ReadAsync(await Api.PostAsJsonAsync($"/api/catalog/stores/{store.Id}/skus", new { skus = new[] { sku } }), HttpStatusCode.OK);
        var id = result.GetProperty("items")[0].GetProperty("id").GetGuid();
        var key = store.Marketplace switch
        {
            "Shopee" => $"{n}:0",
            "Lazada" => sellerSku,
            _ => $"{n}:{n + 1}",
        };
        return (id, key);
    }

    /// <summary>Maps the store SKU to the merchant SKU, retrying while the Mapping service has not yet learnt them from the Catalog's events.</summary>
    public async Task MapAsync(Guid storeSkuId, string merchantSkuCode)
    {
        HttpResponseMessage? last = null;
        await Eventually.WaitAsync(async () =>
        {
            last = await Api.PutAsJsonAsync("/api/mapping/links", new { storeSkuId, merchantSkuCode });
            return last.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), $"mapping {storeSkuId} to {merchantSkuCode}");
    }

    /// <summary>Creates a rule, retrying while the Rules service has not yet learnt the stores, warehouses and SKUs it names.</summary>
    public async Task<Guid> RuleAsync(object rule)
    {
        JsonElement created = default;
        string lastBody = "";
        try
        {
            await Eventually.WaitAsync(async () =>
            {
                var response = await Api.PostAsJsonAsync("/api/rules", rule);
                lastBody = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    return false;
                }

                created = JsonDocument.Parse(lastBody).RootElement.Clone();
                return true;
            }, TimeSpan.FromSeconds(30), "the rule to be accepted");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last answer: {lastBody}", ex);
        }

        return created.GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> MoveAsync(string sku, string warehouse, string kind, int quantity, string? id = null)
    {
        var movementId = id ?? Guid.NewGuid().ToString("N");
        JsonElement result = default;
        // The Stock service learns a new merchant SKU from the Catalog's event: retry while it is unknown.
        await Eventually.WaitAsync(async () =>
        {
            result = await ReadAsync(await Api.PostAsJsonAsync("/api/stock/movements", new { movements = new[] { new { id = movementId, merchantSkuCode = sku, warehouseCode = warehouse, kind, quantity } } }), HttpStatusCode.OK);
            return result.GetProperty("results")[0].GetProperty("reason").ValueKind == JsonValueKind.Null
                || !result.GetProperty("results")[0].GetProperty("reason").GetString()!.StartsWith("unknown merchant SKU", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), $"the movement on {sku} to be accepted");
        if (result.GetProperty("results")[0].GetProperty("status").GetString() != "Applied")
        {
            throw new InvalidOperationException($"The movement was not applied: {result}");
        }

        return result;
    }

    public async Task<JsonElement> SandboxStockAsync(Store store) =>
        await ReadAsync(await Sandbox.GetAsync($"/sandbox/stock?marketplace={store.Marketplace}&shop={Uri.EscapeDataString(store.ShopKey)}"), HttpStatusCode.OK);

    public async Task<int?> SandboxQuantityAsync(Store store, string key)
    {
        var response = await Sandbox.GetAsync($"/sandbox/stock?marketplace={store.Marketplace}&shop={Uri.EscapeDataString(store.ShopKey)}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var stock = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var sku in stock.GetProperty("skus").EnumerateArray())
        {
            if (sku.GetProperty("sku").GetString() == key)
            {
                return sku.GetProperty("quantity").GetInt32();
            }
        }

        return null;
    }

    public Task WaitForSandboxAsync(Store store, string key, int quantity, string? because = null) =>
        Eventually.WaitAsync(async () => await SandboxQuantityAsync(store, key) == quantity, TimeSpan.FromSeconds(30),
            because ?? $"{store.Marketplace} {key} to show {quantity}");

    /// <summary>
    /// Waits until the Push service's own view (its simulation) of <paramref name="merchantSkuCode"/> satisfies
    /// <paramref name="condition"/>: rules, plans and mappings reach it by events, and saving a rule pushes nothing.
    /// </summary>
    public async Task WaitForSimulationAsync(string merchantSkuCode, Func<IReadOnlyList<JsonElement>, bool> condition, string what)
    {
        string last = "";
        try
        {
            await Eventually.WaitAsync(async () =>
            {
                var response = await Api.PostAsJsonAsync("/api/push/simulate", new { merchantSkuCodes = new[] { merchantSkuCode } });
                last = await response.Content.ReadAsStringAsync();
                return response.IsSuccessStatusCode
                    && condition(JsonDocument.Parse(last).RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()).ToList());
            }, TimeSpan.FromSeconds(30), what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last simulation: {last}", ex);
        }
    }

    /// <summary>Waits until the Push service applies <paramref name="ruleName"/> to <paramref name="storeSkus"/> store SKUs of the merchant SKU.</summary>
    public Task WaitForRuleAsync(string merchantSkuCode, string ruleName, int storeSkus = 1) =>
        WaitForSimulationAsync(merchantSkuCode, items => items.Count(i => i.GetProperty("ruleName").GetString() == ruleName) == storeSkus,
            $"the Push service to apply '{ruleName}' to {storeSkus} store SKU(s) of {merchantSkuCode}");

    public async Task<JsonElement> RecordsAsync(string query) =>
        await ReadAsync(await Api.GetAsync($"/api/push/records?{query}"), HttpStatusCode.OK);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }

        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public void Dispose()
    {
        Api.Dispose();
        Admin.Dispose();
        Sandbox.Dispose();
    }
}
