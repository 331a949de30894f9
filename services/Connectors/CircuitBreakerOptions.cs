namespace PushInventory.Connectors;

/// <summary>The per-store circuit breaker, bound to <c>Connectors:{Marketplace}:CircuitBreaker</c>.</summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Share of failed calls in the sampling window that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the sampling window before the circuit may open.</summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>How far back calls are sampled.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit rejects calls before it lets one through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
