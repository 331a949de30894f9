namespace PushInventory.Connectors.Tests;

[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive;

[Collection(nameof(TimingSensitive))]
public sealed class RateLimitTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task PushAsync_BurstOf1000Skus_StaysUnderTheStoreRate()
    {
        const int rate = 20;
        const int burst = 2;
        await using var host = new ConnectorHost(
            ("Connectors:Lazada:CallsPerSecond", rate.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Connectors:Lazada:Burst", burst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Connectors:Lazada:BatchSize", "10"),
            ("Connectors:Lazada:MaxConcurrency", "8"));
        // The first calls of a process pay for JIT and new connections and would arrive bunched;
        // another store takes that cost so the measured burst shows the limiter alone.
        var warmUp = await sandbox.Driver.RegisterLazadaAsync();
        await host.PushAsync(warmUp, Updates.Many([.. Enumerable.Repeat(10, 8)], (item, sku, q) => Updates.Lazada(item, sku, q)));
        var store = await sandbox.Driver.RegisterLazadaAsync();
        // The sandbox answers SellerCallLimit above the store's rate (plus its burst), as Lazada would.
        await sandbox.Driver.SetFaultsAsync(store, new { rateLimitPerSecond = rate + burst });
        var updates = Updates.Many([.. Enumerable.Repeat(50, 20)], (item, sku, q) => Updates.Lazada(item, sku, q));

        var results = await host.PushAsync(store, updates);

        results.ShouldAllBe(r => r.Succeeded);
        var calls = await sandbox.Driver.CallsAsync(store);
        calls.Throttled.ShouldBe(0);
        calls.Count.ShouldBe(100);
        calls.MaxIn(TimeSpan.FromSeconds(1)).ShouldBeLessThanOrEqualTo(rate + burst);
        (calls.Timestamps.Max() - calls.Timestamps.Min()).ShouldBeGreaterThan(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task PushAsync_TwoStores_HaveTheirOwnLimiters()
    {
        await using var host = new ConnectorHost(
            ("Connectors:Shopee:CallsPerSecond", "10"),
            ("Connectors:Shopee:Burst", "1"));
        var first = await sandbox.Driver.RegisterShopeeAsync();
        var second = await sandbox.Driver.RegisterShopeeAsync();
        var updates = Updates.Many([.. Enumerable.Repeat(1, 20)], (item, model, q) => Updates.Shopee(item, model, q));

        var started = DateTimeOffset.UtcNow;
        await Task.WhenAll(host.PushAsync(first, updates), host.PushAsync(second, updates));
        var elapsed = DateTimeOffset.UtcNow - started;

        // 20 calls per store at 10/s take about 2 s each; shared, they would take about 4 s.
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3.5));
        (await sandbox.Driver.CallsAsync(first)).MaxIn(TimeSpan.FromSeconds(1)).ShouldBeLessThanOrEqualTo(11);
        (await sandbox.Driver.CallsAsync(second)).Count.ShouldBe(20);
    }
}
