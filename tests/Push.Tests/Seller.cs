using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Push.Tests;

/// <summary>A store registered with the sandbox and known to the Push service.</summary>
public sealed record TestStore(Guid Id, Marketplace Marketplace, string Name, string Shop);

/// <summary>A store SKU known to the Push service; <see cref="Key"/> is the sandbox's key for it.</summary>
public sealed record TestSku(Guid Id, TestStore Store, string SellerSku, string Key, long ItemId);

/// <summary>
/// One tenant seeded as the upstream services would: events on the bus, each waited for in the Push
/// service's read model, so a later trigger never races its inputs.
/// </summary>
public sealed class Seller
{
    static long nextId = 300_000_000_000 + Random.Shared.Next(1_000_000) * 1000L;

    readonly PushFixture _f;
    readonly Dictionary<(Guid, string), long> _levelVersions = [];

    Seller(PushFixture fixture, Plan plan, bool features)
    {
        _f = fixture;
        Plan = plan;
        Features = features;
        Client = fixture.Factory.CreateTenantClient(TenantId);
    }

    public Guid TenantId { get; } = Guid.NewGuid();

    public HttpClient Client { get; }

    public Plan Plan { get; }

    public bool Features { get; }

    public static long NewId() => Interlocked.Increment(ref nextId);

    public static async Task<Seller> CreateAsync(PushFixture fixture, Plan plan = Plan.Basic, bool features = true)
    {
        var seller = new Seller(fixture, plan, features);
        await fixture.Factory.Bus.Publish(new TenantSettingsChanged(seller.TenantId, plan, features, 1, DateTime.UtcNow));
        await fixture.WaitForDbAsync(db => db.TenantSettings.AnyAsync(t => t.TenantId == seller.TenantId), "tenant settings");
        return seller;
    }

    /// <summary>
    /// A store on a new Sandbox shop; with <paramref name="replacing"/>, that store's next <paramref name="version"/>
    /// moved to the new shop (the seller re-authorised it: new credentials, the old ones still valid in the Sandbox).
    /// </summary>
    public async Task<TestStore> StoreAsync(Marketplace marketplace, string name, IReadOnlyList<(string Sku, int Reserved)>? sandboxSkus = null, TestStore? replacing = null, long version = 1)
    {
        var id = NewId();
        object registration;
        object credentials;
        string shop;
        string prefix;
        var skus = sandboxSkus?.Select(s => new { sku = s.Sku, reservedStock = s.Reserved }).ToList();
        switch (marketplace)
        {
            case Marketplace.Shopee:
                registration = new { marketplace = "Shopee", partnerId = 2001887, partnerKey = $"pk-{id}", shopId = id, accessToken = $"token-{id}", skus };
                credentials = new { partnerId = 2001887, partnerKey = $"pk-{id}", shopId = id, accessToken = $"token-{id}" };
                shop = id.ToString(CultureInfo.InvariantCulture);
                prefix = "shopee";
                break;
            case Marketplace.Lazada:
                registration = new { marketplace = "Lazada", appKey = "100132", appSecret = $"secret-{id}", accessToken = $"lazada-{id}", skus };
                credentials = new { appKey = "100132", appSecret = $"secret-{id}", accessToken = $"lazada-{id}" };
                shop = $"lazada-{id}";
                prefix = "lazada";
                break;
            default:
                registration = new { marketplace = marketplace.ToString(), appKey = "6abc", appSecret = $"secret-{id}", accessToken = $"tts-{id}", shopCipher = $"ROW_{id}", skus };
                credentials = new { appKey = "6abc", appSecret = $"secret-{id}", accessToken = $"tts-{id}", shopCipher = $"ROW_{id}" };
                shop = $"ROW_{id}";
                prefix = "tiktok";
                break;
        }

        using (var response = await _f.Sandbox.PostAsJsonAsync("/sandbox/shops", registration))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        var store = new TestStore(replacing?.Id ?? Guid.NewGuid(), marketplace, name, shop);
        var baseUrl = new Uri(_f.SandboxAddress, $"/sandbox/{prefix}").ToString();
        await _f.Factory.Bus.Publish(new StoreChanged(TenantId, store.Id, marketplace, name, "PH", baseUrl, [], _f.Protect(credentials), false, version, DateTime.UtcNow));
        await _f.WaitForDbAsync(db => db.Stores.AnyAsync(s => s.Id == store.Id && s.Version == version), $"store {name}");
        return store;
    }

    public async Task<TestSku> StoreSkuAsync(TestStore store, string sellerSku, int reserved = 0, long version = 1)
    {
        var item = NewId();
        var model = NewId();
        var (key, itemId, modelId, skuId, productId) = store.Marketplace switch
        {
            Marketplace.Shopee => ($"{item}:{model}", (long?)item, (long?)model, (long?)null, (long?)null),
            Marketplace.Lazada => (sellerSku, item, null, model, null),
            _ => ($"{item}:{model}", null, null, model, item),
        };
        var sku = new TestSku(Guid.NewGuid(), store, sellerSku, key, item);
        await PublishStoreSkuAsync(sku, reserved, version);
        return sku;
    }

    public async Task PublishStoreSkuAsync(TestSku sku, int reserved, long version)
    {
        var parts = sku.Key.Split(':');
        long? first = parts.Length == 2 ? long.Parse(parts[0], CultureInfo.InvariantCulture) : null;
        long? second = parts.Length == 2 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        var message = sku.Store.Marketplace switch
        {
            Marketplace.Shopee => new StoreSkuChanged(TenantId, sku.Id, sku.Store.Id, sku.Store.Marketplace, sku.SellerSku, sku.SellerSku, first, second, null, null, [], reserved, false, version, DateTime.UtcNow),
            Marketplace.Lazada => new StoreSkuChanged(TenantId, sku.Id, sku.Store.Id, sku.Store.Marketplace, sku.SellerSku, sku.SellerSku, sku.ItemId, null, sku.ItemId + 1, null, [], reserved, false, version, DateTime.UtcNow),
            _ => new StoreSkuChanged(TenantId, sku.Id, sku.Store.Id, sku.Store.Marketplace, sku.SellerSku, sku.SellerSku, null, null, second, first, [], reserved, false, version, DateTime.UtcNow),
        };
        await _f.Factory.Bus.Publish(message);
        await _f.WaitForDbAsync(db => db.StoreSkus.AnyAsync(s => s.Id == sku.Id && s.Version >= version), $"store SKU {sku.SellerSku}");
    }

    public async Task<Guid> MerchantAsync(string code, params (Guid Id, string Code, int Quantity)[] components)
    {
        var id = Guid.NewGuid();
        await _f.Factory.Bus.Publish(new MerchantSkuChanged(
            TenantId, id, code, code, null, components.Length > 0, [.. components.Select(c => new BundleComponent(c.Id, c.Code, c.Quantity))], false, 1, DateTime.UtcNow));
        await _f.WaitForDbAsync(db => db.MerchantSkus.AnyAsync(s => s.Id == id), $"merchant SKU {code}");
        return id;
    }

    public async Task MapAsync(TestSku sku, Guid merchantId, string code, long version = 1)
    {
        await _f.Factory.Bus.Publish(new MappingChanged(TenantId, sku.Id, sku.Store.Id, null, merchantId, code, version, "test", DateTime.UtcNow));
        await _f.WaitForDbAsync(db => db.Mappings.AnyAsync(m => m.StoreSkuId == sku.Id && m.Version >= version), $"mapping of {sku.SellerSku}");
    }

    public async Task<Guid> RuleAsync(
        string name,
        IEnumerable<TestStore> stores,
        int priority = 1,
        QuantityFormula? quantity = null,
        RuleScope? scope = null,
        AboutToSellOut? sellOut = null,
        PreOrderPolicy? preOrder = null,
        string[]? warehouses = null,
        DateTime? createdAt = null)
    {
        var id = Guid.NewGuid();
        await _f.Factory.Bus.Publish(new PushRuleChanged(
            TenantId, id, name, priority, true, createdAt ?? DateTime.UtcNow,
            scope ?? new RuleScope(RuleScopeKind.All, [], [], []),
            warehouses ?? ["WH1"],
            [.. stores.Select(s => s.Id)],
            quantity ?? new QuantityFormula(100, 0, Rounding.Down, 0, null),
            sellOut, preOrder, false, 1, DateTime.UtcNow));
        await _f.WaitForDbAsync(db => db.Rules.AnyAsync(r => r.Id == id), $"rule {name}");
        return id;
    }

    /// <summary>Publishes the merchant SKU's next level version in the warehouse (no waiting: it is the trigger), through <paramref name="via"/> or the fixture's host.</summary>
    public async Task StockAsync(Guid merchantId, string code, int available, string warehouse = "WH1", long? version = null, PushFactory? via = null)
    {
        var key = (merchantId, warehouse);
        var next = version ?? _levelVersions.GetValueOrDefault(key) + 1;
        _levelVersions[key] = Math.Max(next, _levelVersions.GetValueOrDefault(key));
        await (via ?? _f.Factory).Bus.Publish(new StockChanged(TenantId, merchantId, code, WarehouseId(warehouse), warehouse, available, 0, available, next, "Count", DateTime.UtcNow));
    }

    public async Task<StockView> SandboxAsync(TestStore store) =>
        (await _f.Sandbox.GetFromJsonAsync<StockView>($"/sandbox/stock?marketplace={store.Marketplace}&shop={Uri.EscapeDataString(store.Shop)}", PushFixture.Json))!;

    public async Task<int?> QuantityAsync(TestSku sku) => (await SandboxAsync(sku.Store)).Sku(sku.Key)?.Quantity;

    public async Task WaitForQuantityAsync(TestSku sku, int quantity, TimeSpan? timeout = null)
    {
        try
        {
            await Eventually.WaitAsync(async () => await QuantityAsync(sku) == quantity, timeout ?? TimeSpan.FromSeconds(20), $"{sku.Store.Name} {sku.SellerSku} to hold {quantity}");
        }
        catch (TimeoutException ex)
        {
            // Say what the Push service did, so a failure explains itself.
            var records = (await RecordsAsync("limit=20")).Items.Select(r => $"{r.Status} q={r.Quantity} {r.StoreName} {r.Note} {r.ErrorCode} {r.ErrorMessage}");
            throw new TimeoutException($"{ex.Message}; sandbox holds {await QuantityAsync(sku)}; records: {string.Join(" | ", records)}; host errors: {string.Join(" || ", _f.Factory.Logs.Entries.Where(e => e.Contains(TenantId.ToString(), StringComparison.Ordinal) || e.StartsWith("Error", StringComparison.Ordinal)))}", ex);
        }
    }

    public async Task<List<HistoryView>> HistoryAsync(TestSku sku) =>
        (await _f.Sandbox.GetFromJsonAsync<List<HistoryView>>(
            $"/sandbox/stock/history?marketplace={sku.Store.Marketplace}&shop={Uri.EscapeDataString(sku.Store.Shop)}&sku={Uri.EscapeDataString(sku.Key)}", PushFixture.Json))!;

    public async Task<CallsView> CallsAsync(TestStore store) =>
        (await _f.Sandbox.GetFromJsonAsync<CallsView>($"/sandbox/calls?marketplace={store.Marketplace}&shop={Uri.EscapeDataString(store.Shop)}", PushFixture.Json))!;

    public async Task<RecordPage> RecordsAsync(string query = "")
    {
        using var response = await Client.GetAsync($"/api/push/records{(query.Length > 0 ? "?" + query : "")}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RecordPage>(PushFixture.Json))!;
    }

    /// <summary>Waits until the query lists exactly <paramref name="count"/> records and returns them.</summary>
    public async Task<List<RecordItem>> WaitForRecordsAsync(string query, int count)
    {
        List<RecordItem> items = [];
        await Eventually.WaitAsync(async () => (items = (await RecordsAsync(query)).Items).Count == count, TimeSpan.FromSeconds(20), $"{count} records for {query}");
        return items;
    }

    public async Task<RecordItem> WaitForRecordAsync(Func<RecordItem, bool> predicate, string what, string query = "")
    {
        RecordItem? found = null;
        await Eventually.WaitAsync(async () => (found = (await RecordsAsync(query)).Items.FirstOrDefault(predicate)) is not null, TimeSpan.FromSeconds(20), what);
        return found!;
    }

    static readonly Dictionary<string, Guid> Warehouses = new(StringComparer.OrdinalIgnoreCase);

    static Guid WarehouseId(string code)
    {
        lock (Warehouses)
        {
            if (!Warehouses.TryGetValue(code, out var id))
            {
                Warehouses[code] = id = Guid.NewGuid();
            }

            return id;
        }
    }
}
