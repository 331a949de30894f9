using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PushInventory.Embedded;

/// <summary>
/// Seeds a demo tenant through the same public paths a user calls: warehouses, merchant SKUs (one a
/// bundle), Sandbox stores on all three marketplaces, auto-mapped store SKUs, two rules (one with
/// about-to-be-sold-out, one with pre-order), stock, and the Inventory Features switch on. Then prints
/// the API key and a few commands to try.
/// </summary>
internal sealed partial class DemoSeeder(IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<DemoSeeder> logger) : BackgroundService
{
    static readonly string[] Warehouses = ["WH-MNL", "WH-CEB"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DefaultUrlExtensions.DefaultUrl;
        address = address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal);
        try
        {
            var key = await SeedAsync(new Uri(address), stoppingToken);
            Console.WriteLine(Instructions(address, key));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    async Task<string> SeedAsync(Uri address, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Admin-Key", configuration["Gateway:AdminApiKey"]);
        var tenant = await SendAsync(http, HttpMethod.Post, "/api/admin/tenants", new { name = "Demo Seller", plan = "Basic" }, ct);
        var apiKey = tenant.GetProperty("apiKey").GetString()!;
        http.DefaultRequestHeaders.Remove("X-Admin-Key");
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);

        await SendAsync(http, HttpMethod.Post, "/api/stock/warehouses", new { code = "WH-MNL", name = "Manila" }, ct);
        await SendAsync(http, HttpMethod.Post, "/api/stock/warehouses", new { code = "WH-CEB", name = "Cebu" }, ct);
        foreach (var (code, name) in new[] { ("TSHIRT-RED", "T-shirt, red"), ("TSHIRT-BLUE", "T-shirt, blue"), ("MUG", "Mug") })
        {
            await SendAsync(http, HttpMethod.Post, "/api/catalog/merchant-skus", new { code, name }, ct);
        }

        await SendAsync(http, HttpMethod.Post, "/api/catalog/merchant-skus", new
        {
            code = "GIFT-SET",
            name = "Gift set: red T-shirt and mug",
            components = new[] { new { code = "TSHIRT-RED", quantity = 1 }, new { code = "MUG", quantity = 1 } },
        }, ct);

        var sandbox = new Uri(address, "/sandbox/").ToString().TrimEnd('/');
        var shopee = new { partnerId = 2_001_887L, partnerKey = "demo-shopee-partner-key", shopId = 14_701_711L, accessToken = "demo-shopee-token" };
        var lazada = new { appKey = "100132", appSecret = "demo-lazada-secret", accessToken = "demo-lazada-token" };
        var tiktok = new { appKey = "6demoapp", appSecret = "demo-tiktok-secret", accessToken = "demo-tiktok-token", shopCipher = "ROW_demo" };
        await SendAsync(http, HttpMethod.Post, "/sandbox/shops", new { marketplace = "Shopee", shopee.partnerId, shopee.partnerKey, shopee.shopId, shopee.accessToken }, ct);
        await SendAsync(http, HttpMethod.Post, "/sandbox/shops", new { marketplace = "Lazada", lazada.appKey, lazada.appSecret, lazada.accessToken }, ct);
        await SendAsync(http, HttpMethod.Post, "/sandbox/shops", new { marketplace = "TikTokShop", tiktok.appKey, tiktok.appSecret, tiktok.accessToken, tiktok.shopCipher }, ct);

        var shopeeStore = await SendAsync(http, HttpMethod.Post, "/api/catalog/stores", new { marketplace = "Shopee", name = "Shopee PH", region = "PH", baseUrl = $"{sandbox}/shopee", credentials = shopee }, ct);
        var lazadaStore = await SendAsync(http, HttpMethod.Post, "/api/catalog/stores", new { marketplace = "Lazada", name = "Lazada PH", region = "PH", baseUrl = $"{sandbox}/lazada", credentials = lazada }, ct);
        var tiktokStore = await SendAsync(http, HttpMethod.Post, "/api/catalog/stores", new { marketplace = "TikTokShop", name = "TikTok Shop PH", region = "PH", baseUrl = $"{sandbox}/tiktok", credentials = tiktok }, ct);
        var shopeeId = shopeeStore.GetProperty("id").GetGuid();
        var lazadaId = lazadaStore.GetProperty("id").GetGuid();
        var tiktokId = tiktokStore.GetProperty("id").GetGuid();

        await SendAsync(http, HttpMethod.Post, $"/api/catalog/stores/{shopeeId}/skus", new
        {
            skus = new object[]
            {
                new { sellerSku = "tshirt-red", name = "T-shirt red", itemId = 800_001L, modelId = 1L },
                new { sellerSku = "tshirt-blue", name = "T-shirt blue", itemId = 800_001L, modelId = 2L },
                new { sellerSku = "gift-set", name = "Gift set", itemId = 800_002L, modelId = 0L },
            },
        }, ct);
        await SendAsync(http, HttpMethod.Post, $"/api/catalog/stores/{lazadaId}/skus", new
        {
            skus = new object[]
            {
                new { sellerSku = "TSHIRT-RED", name = "T-shirt red", itemId = 900_001L, skuId = 900_101L },
                new { sellerSku = "MUG", name = "Mug", itemId = 900_002L, skuId = 900_201L },
            },
        }, ct);
        await SendAsync(http, HttpMethod.Post, $"/api/catalog/stores/{tiktokId}/skus", new
        {
            skus = new object[]
            {
                new { sellerSku = "TSHIRT-RED", name = "T-shirt red", productId = 1_729_001L, skuId = 1_729_101L },
                new { sellerSku = "GIFT-SET", name = "Gift set", productId = 1_729_002L, skuId = 1_729_201L },
            },
        }, ct);

        // The Mapping and Rules services learn stores and SKUs from events: retry until they have.
        await RetryAsync(async () =>
        {
            await SendAsync(http, HttpMethod.Post, "/api/mapping/auto", new { }, ct);
            return (await SendAsync(http, HttpMethod.Get, "/api/mapping/links?unmappedOnly=true", null, ct)).GetProperty("items").GetArrayLength() == 0;
        }, ct);

        await RetryAsync(async () => await TrySendAsync(http, HttpMethod.Post, "/api/rules", new
        {
            name = "Shopee pre-order when low",
            priority = 1,
            scope = new { kind = "All" },
            warehouseCodes = Warehouses,
            storeIds = new[] { shopeeId },
            preOrder = new { enableAtOrBelow = 5, addQuantity = 30, closeAbove = 50, daysToShip = 7 },
        }, ct), ct);
        await RetryAsync(async () => await TrySendAsync(http, HttpMethod.Post, "/api/rules", new
        {
            name = "All stores, Shopee first when nearly sold out",
            priority = 10,
            scope = new { kind = "All" },
            warehouseCodes = Warehouses,
            storeIds = new[] { shopeeId, lazadaId, tiktokId },
            quantity = new { percent = 100, offset = 0, rounding = "Down" },
            aboutToSellOut = new { threshold = 10, designatedStoreId = shopeeId },
        }, ct), ct);

        await SendAsync(http, HttpMethod.Put, "/api/settings", new { inventoryFeaturesEnabled = true }, ct);
        await RetryAsync(async () => await TrySendAsync(http, HttpMethod.Post, "/api/stock/movements", new
        {
            movements = new object[]
            {
                new { id = "demo-1", merchantSkuCode = "TSHIRT-RED", warehouseCode = "WH-MNL", kind = "StockIn", quantity = 40 },
                new { id = "demo-2", merchantSkuCode = "TSHIRT-BLUE", warehouseCode = "WH-MNL", kind = "StockIn", quantity = 4 },
                new { id = "demo-3", merchantSkuCode = "MUG", warehouseCode = "WH-CEB", kind = "StockIn", quantity = 25 },
            },
        }, ct, body => body.GetProperty("applied").GetInt32() + body.GetProperty("duplicates").GetInt32() == 3), ct);
        return apiKey;
    }

    static string Instructions(string address, string key) => $$"""

        PushInventory demo is seeded. API key for tenant "Demo Seller" (shown once):

            export PI_KEY={{key}}

        Try:
            curl -s {{address}}/api/push/records -H "X-Api-Key: $PI_KEY"
            curl -s "{{address}}/sandbox/stock?marketplace=Shopee&shop=14701711"
            curl -s -X POST {{address}}/api/stock/movements -H "X-Api-Key: $PI_KEY" -H 'content-type: application/json' \
                 -d '{"movements":[{"id":"try-1","merchantSkuCode":"TSHIRT-RED","warehouseCode":"WH-MNL","kind":"OrderAllocated","quantity":35}]}'
            curl -s -X POST {{address}}/api/push/simulate -H "X-Api-Key: $PI_KEY" -H 'content-type: application/json' -d '{"merchantSkuCodes":["TSHIRT-RED"]}'
            curl -s -X POST {{address}}/api/push/now -H "X-Api-Key: $PI_KEY" -H 'content-type: application/json' -d '{}'

        """;

    static async Task RetryAsync(Func<Task<bool>> attempt, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await attempt())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The demo could not finish seeding within 30 s; see the log above.");
            }

            await Task.Delay(200, ct);
        }
    }

    static async Task<bool> TrySendAsync(HttpClient http, HttpMethod method, string path, object? body, CancellationToken ct, Func<JsonElement, bool>? accept = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        return accept is null || accept(await response.Content.ReadFromJsonAsync<JsonElement>(ct));
    }

    static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding the demo failed")]
    static partial void LogFailed(ILogger logger, Exception ex);
}
