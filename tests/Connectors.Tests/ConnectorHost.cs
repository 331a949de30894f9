using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PushInventory.Connectors.Tests;

/// <summary>The connectors as the Push service gets them: AddMarketplaceConnectors over a configuration.</summary>
public sealed class ConnectorHost : IAsyncDisposable
{
    // Fast defaults so tests that are not about the rate do not wait on it.
    private static readonly Dictionary<string, string?> FastDefaults = new(StringComparer.Ordinal)
    {
        ["Connectors:Shopee:CallsPerSecond"] = "500",
        ["Connectors:Shopee:Burst"] = "50",
        ["Connectors:Lazada:CallsPerSecond"] = "500",
        ["Connectors:Lazada:Burst"] = "50",
        ["Connectors:TikTokShop:CallsPerSecond"] = "500",
        ["Connectors:TikTokShop:Burst"] = "50",
    };

    private readonly ServiceProvider provider;

    public ConnectorHost(params (string Key, string Value)[] settings)
        : this(null, settings)
    {
    }

    /// <summary>A host whose logs, at every level, go to <paramref name="logs"/>.</summary>
    public ConnectorHost(LogCapture? logs, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>(FastDefaults, StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
            }
        });
        services.AddMarketplaceConnectors(configuration);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Connectors = provider.GetRequiredService<IMarketplaceConnectors>();
    }

    public IMarketplaceConnectors Connectors { get; }

    public IServiceProvider Services => provider;

    public Task<IReadOnlyList<StockUpdateResult>> PushAsync(StoreTarget store, IReadOnlyList<StockUpdate> updates) =>
        Connectors.For(store.Marketplace).PushAsync(store, updates, TestContext.Current.CancellationToken);

    /// <summary>
    /// Pushes, then pushes again what failed retryably after the wait the marketplace asked for, as the
    /// Push service's back-off would, until all succeeded or the deadline passes.
    /// </summary>
    public async Task<(IReadOnlyList<StockUpdateResult> Results, int Rounds)> PushUntilDoneAsync(
        StoreTarget store,
        IReadOnlyList<StockUpdate> updates,
        TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        var final = new Dictionary<Guid, StockUpdateResult>();
        var pending = updates;
        var rounds = 0;
        while (pending.Count > 0)
        {
            rounds++;
            var results = await PushAsync(store, pending);
            foreach (var result in results)
            {
                final[result.StoreSkuId] = result;
            }

            var retry = results.Where(r => r.Outcome == PushOutcome.RetryableFailure).Select(r => r.StoreSkuId).ToHashSet();
            pending = [.. pending.Where(u => retry.Contains(u.StoreSkuId))];
            if (pending.Count > 0)
            {
                DateTimeOffset.UtcNow.ShouldBeLessThan(until, $"still {pending.Count} retryable failures after {rounds} rounds");
                var wait = results.Where(r => r.RetryAfter is not null).Select(r => r.RetryAfter!.Value).DefaultIfEmpty(TimeSpan.FromMilliseconds(200)).Max();
                await Task.Delay(wait, TestContext.Current.CancellationToken);
            }
        }

        return ([.. updates.Select(u => final[u.StoreSkuId])], rounds);
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();
}
