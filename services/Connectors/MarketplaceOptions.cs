namespace PushInventory.Connectors;

/// <summary>Limits of calls to one marketplace, applied per store.</summary>
public abstract class MarketplaceOptions
{
    /// <summary>Calls per second per store; callers over it wait in a queue.</summary>
    public double CallsPerSecond { get; set; }

    /// <summary>Calls a store may make at once after being idle (token bucket size).</summary>
    public int Burst { get; set; } = 1;

    /// <summary>Store SKUs per call.</summary>
    public int BatchSize { get; set; }

    /// <summary>Timeout of one attempt of one call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Calls of one push in flight at once (the rate limit still applies).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The circuit breaker of each store: calls sampled before it may open, and the share of
    /// them failing (errors and timeouts, not throttling) that opens it.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    internal abstract int MaxBatchSize { get; }
}
