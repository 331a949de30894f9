using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PushInventory.Connectors.Lazada;
using PushInventory.Connectors.Resilience;
using PushInventory.Connectors.Shopee;
using PushInventory.Connectors.TikTokShop;

namespace PushInventory.Connectors;

public static class ConnectorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMarketplaceConnectors"/> with options bound to <c>Connectors:Shopee</c>,
    /// <c>Connectors:Lazada</c> and <c>Connectors:TikTokShop</c>, validated at start.
    /// </summary>
    public static IServiceCollection AddMarketplaceConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        AddOptions<ShopeeOptions>(services, configuration, ShopeeOptions.Section);
        AddOptions<LazadaOptions>(services, configuration, LazadaOptions.Section);
        AddOptions<TikTokShopOptions>(services, configuration, TikTokShopOptions.Section);

        // Polly owns timeouts per attempt; the client's own timeout must never cut in first. The per-store
        // pipeline is the only resilience layer: a host-wide default handler would stack a second retry
        // and circuit breaker on top of it (and retry non-retryable marketplace answers).
#pragma warning disable EXTEXP0001 // Experimental, but the documented way to take a client out of ConfigureHttpClientDefaults.
        // The HTTP client's own logs redact query strings (signs, Lazada's access token) by default; the
        // TikTok token travels in a header, so header values are redacted too.
        services.AddHttpClient(StoreCallRunner.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorePipelines>();
        services.TryAddSingleton<StoreCallRunner>();
        services.TryAddSingleton<ShopeeConnector>();
        services.TryAddSingleton<LazadaConnector>();
        services.TryAddSingleton<TikTokShopConnector>();
        services.TryAddSingleton<IMarketplaceConnectors, MarketplaceConnectors>();
        return services;
    }

    private static void AddOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : MarketplaceOptions
    {
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .Validate(o => o.CallsPerSecond is > 0 and <= 1000, $"{section}:CallsPerSecond must be above 0 and at most 1000.")
            .Validate(o => o.Burst is >= 1 and <= 1000, $"{section}:Burst must be from 1 to 1000.")
            .Validate(o => o.BatchSize >= 1 && o.BatchSize <= o.MaxBatchSize, $"{section}:BatchSize must be from 1 to the marketplace's maximum.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(5), $"{section}:Timeout must be above 0 and at most 5 minutes.")
            .Validate(o => o.MaxConcurrency is >= 1 and <= 64, $"{section}:MaxConcurrency must be from 1 to 64.")
            .Validate(
                o => o.CircuitBreaker is { FailureRatio: > 0 and <= 1, MinimumThroughput: >= 2 }
                    && o.CircuitBreaker.SamplingDuration >= TimeSpan.FromMilliseconds(500)
                    && o.CircuitBreaker.BreakDuration >= TimeSpan.FromMilliseconds(500),
                $"{section}:CircuitBreaker needs FailureRatio above 0 and at most 1, MinimumThroughput of 2 or more, and SamplingDuration and BreakDuration of at least 0.5 s.")
            .ValidateOnStart();
    }
}
