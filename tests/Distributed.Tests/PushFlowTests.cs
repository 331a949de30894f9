using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PushInventory.Contracts;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.Distributed.Tests;

/// <summary>
/// Issue 6's proof: all five services, two Push instances, the gateway and the Sandbox as real processes
/// on RabbitMQ and PostgreSQL; the core flow, and no store SKU pushed twice for one computation.
/// </summary>
public sealed class PushFlowTests : IAsyncLifetime
{
    readonly DistributedSystem _system = new();
    SystemUnderTest _sut = null!;

    public async ValueTask InitializeAsync()
    {
        var sandbox = await _system.StartSandboxAsync();
        await _system.StartAsync("catalog", "mapping", "rules", "stock", "push", "push");
        _sut = new SystemUnderTest(_system.Gateway.Address, DistributedSystem.AdminKey, sandbox.Address);
    }

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task StockChange_WithTwoPushInstances_ReachesEveryStoreOncePerComputation()
    {
        using var seller = await Seller.CreateAsync(_sut);
        await using var ended = await BusRecorder<StoreSkuPushed>.StartAsync<StoreSkusPushed>(_system.Bus, b => b.Pushes);
        var stores = new List<Seller.Store>
        {
            await seller.StoreAsync("Shopee", "Shopee PH"),
            await seller.StoreAsync("Lazada", "Lazada PH"),
            await seller.StoreAsync("TikTokShop", "TikTok PH"),
            await seller.StoreAsync("Lazada", "Lazada SG"),
        };
        var skus = new[] { "D-1", "D-2", "D-3" };
        foreach (var code in skus)
        {
            await seller.SkuAsync(code);
        }

        var storeSkus = new List<(Seller.Store Store, string Code, string Key, Guid Id)>();
        foreach (var store in stores)
        {
            foreach (var code in skus)
            {
                var (id, key) = await seller.StoreSkuAsync(store, code);
                await seller.MapAsync(id, code);
                storeSkus.Add((store, code, key, id));
            }
        }

        await seller.RuleAsync(new
        {
            name = "all stores, Shopee first when nearly sold out",
            priority = 1,
            scope = new { kind = "All" },
            warehouseCodes = new[] { "WH-A" },
            storeIds = stores.Select(s => s.Id),
            aboutToSellOut = new { threshold = 10, designatedStoreId = stores[0].Id },
        });
        await seller.WaitForRuleAsync("D-1", "all stores, Shopee first when nearly sold out", stores.Count);

        // The example from the help article: 9 available, below 10: only Shopee PH gets it.
        await seller.MoveAsync("D-1", "WH-A", "StockIn", 9);
        foreach (var (store, _, key, _) in storeSkus.Where(s => s.Code == "D-1"))
        {
            await seller.WaitForSandboxAsync(store, key, store == stores[0] ? 9 : 0);
        }

        // A stream of stock-ins on every SKU: each store SKU ends at the total, and its pushed values only grow.
        // At least 20 rounds, and on until both Push instances have pushed: each claims stores by lease, and
        // one that holds a store keeps it while it has due pushes, so which instance wins which store is timing.
        bool BothPushed() => new[] { "push", "push2" }.All(instance => _system.Hosts[instance].Output.Contains("store SKUs of store", StringComparison.Ordinal));
        var streamEnds = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var rounds = 0;
        while (rounds < 20 || (!BothPushed() && DateTime.UtcNow < streamEnds))
        {
            rounds++;
            var movements = skus.Select(code => new { id = $"r{rounds}-{code}", merchantSkuCode = code, warehouseCode = "WH-A", kind = "StockIn", quantity = 5 });
            (await seller.Api.PostAsJsonAsync("/api/stock/movements", new { movements })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        foreach (var (store, code, key, _) in storeSkus)
        {
            await seller.WaitForSandboxAsync(store, key, (code == "D-1" ? 9 : 0) + (5 * rounds));
            var history = await Seller.ReadAsync(await seller.Sandbox.GetAsync($"/sandbox/stock/history?marketplace={store.Marketplace}&shop={Uri.EscapeDataString(store.ShopKey)}&sku={Uri.EscapeDataString(key)}"), HttpStatusCode.OK);
            var pushed = history.EnumerateArray().Select(c => c.GetProperty("quantity").GetInt32()).ToList();
            // Stock only grows here, so every computation is larger than the last: a repeat means a double push.
            pushed.ShouldBe(pushed.Distinct().Order().ToList(), $"{store.Marketplace} {key}: each computation pushed once, never an older value after a newer one ({string.Join(",", pushed)})");
        }

        // Both Push instances took part: each claimed stores by lease and pushed some of them.
        foreach (var instance in new[] { "push", "push2" })
        {
            _system.Hosts[instance].Output.ShouldContain("store SKUs of store", customMessage: $"{instance} pushed nothing in {rounds} rounds: the load was not shared");
        }

        var records = await seller.RecordsAsync("status=Succeeded&limit=500");
        records.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(storeSkus.Count);

        // Every push on record as succeeded reached the bus too, as a StoreSkuPushed carried by its round's message.
        var succeeded = records.GetProperty("items").EnumerateArray().ToList();
        await Eventually.WaitAsync(
            () => succeeded.All(r => ended.Messages.Any(p => p.RecordId == r.GetProperty("id").GetGuid())),
            TimeSpan.FromSeconds(30),
            "a StoreSkuPushed on the bus for every succeeded push");
        foreach (var record in succeeded)
        {
            var push = ended.Messages.First(p => p.RecordId == record.GetProperty("id").GetGuid());
            (push.StoreSkuId, push.Quantity, push.Succeeded).ShouldBe((record.GetProperty("storeSkuId").GetGuid(), record.GetProperty("quantity").GetInt32(), true));
        }

        ended.MessageIds.Count.ShouldBeLessThan(ended.Messages.Count, "the pushes of a round travel in one message");
        var simulated = await Seller.ReadAsync(await seller.Api.PostAsJsonAsync("/api/push/simulate", new { merchantSkuCodes = new[] { "D-2" } }), HttpStatusCode.OK);
        simulated.ToString().ShouldContain("all stores, Shopee first when nearly sold out");
    }

    [Fact]
    public async Task PushFailures_OnPostgres_AreRecordedWithTheMarketplacesError_AndRetriedUntilTheyEnd()
    {
        using var seller = await Seller.CreateAsync(_sut);
        var lazada = await seller.StoreAsync("Lazada", "Lazada PH");
        var tiktok = await seller.StoreAsync("TikTokShop", "TikTok PH");
        await seller.SkuAsync("F-1");
        var (refusedId, refusedKey) = await seller.StoreSkuAsync(lazada, "F-1");
        var (retriedId, retriedKey) = await seller.StoreSkuAsync(tiktok, "F-1");
        await seller.MapAsync(refusedId, "F-1");
        await seller.MapAsync(retriedId, "F-1");
        await seller.RuleAsync(new { name = "both", priority = 1, scope = new { kind = "All" }, warehouseCodes = new[] { "WH-A" }, storeIds = new[] { lazada.Id, tiktok.Id } });
        await seller.WaitForRuleAsync("F-1", "both", 2);

        // Lazada refuses the quantity for good (below its reserved stock); TikTok Shop fails every call with a
        // server error, which is retried with back-off.
        await FaultsAsync(seller, lazada, new { belowReservedSkus = new[] { refusedKey } });
        await FaultsAsync(seller, tiktok, new { serverErrorShare = 1.0 });
        await seller.MoveAsync("F-1", "WH-A", "StockIn", 7);

        JsonElement Record(JsonElement records, Guid storeSkuId) =>
            records.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("storeSkuId").GetGuid() == storeSkuId && r.GetProperty("quantity") is { ValueKind: JsonValueKind.Number } quantity && quantity.GetInt32() == 7);
        var refused = default(JsonElement);
        await Eventually.WaitAsync(
            async () => (refused = Record(await seller.RecordsAsync($"storeSkuId={refusedId}"), refusedId)).ValueKind == JsonValueKind.Object && refused.GetProperty("status").GetString() == "Failed",
            TimeSpan.FromSeconds(30),
            "the refused push to end Failed");
        refused.GetProperty("errorCode").GetString().ShouldNotBeNullOrEmpty();
        refused.GetProperty("errorMessage").GetString().ShouldNotBeNullOrEmpty();
        refused.GetProperty("attempts").GetInt32().ShouldBe(1);
        refused.GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.String);

        // While it is retried, the record stays Pending with its attempts and the last error.
        var retrying = default(JsonElement);
        await Eventually.WaitAsync(
            async () => (retrying = Record(await seller.RecordsAsync($"storeSkuId={retriedId}"), retriedId)).ValueKind == JsonValueKind.Object && retrying.GetProperty("attempts").GetInt32() >= 2,
            TimeSpan.FromSeconds(30),
            "the failing push to be retried");
        retrying.GetProperty("status").GetString().ShouldBe("Pending");
        retrying.GetProperty("errorCode").GetString().ShouldNotBeNullOrEmpty();
        retrying.GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.Null);

        (await seller.Sandbox.DeleteAsync($"/sandbox/faults?marketplace={tiktok.Marketplace}&shop={Uri.EscapeDataString(tiktok.ShopKey)}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await seller.WaitForSandboxAsync(tiktok, retriedKey, 7);
        await Eventually.WaitAsync(
            async () => Record(await seller.RecordsAsync($"storeSkuId={retriedId}"), retriedId) is { ValueKind: JsonValueKind.Object } r && r.GetProperty("status").GetString() == "Succeeded",
            TimeSpan.FromSeconds(30),
            "the retried push to succeed once the marketplace recovers");
        (await seller.SandboxQuantityAsync(lazada, refusedKey)).ShouldNotBe(7);
    }

    static async Task FaultsAsync(Seller seller, Seller.Store store, object faults)
    {
        var body = new Dictionary<string, object?> { ["marketplace"] = store.Marketplace, ["shop"] = store.ShopKey };
        foreach (var property in faults.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(faults);
        }

        (await seller.Sandbox.PostAsJsonAsync("/sandbox/faults", body)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}
