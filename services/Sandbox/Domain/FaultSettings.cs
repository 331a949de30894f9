namespace PushInventory.Sandbox.Domain;

/// <summary>Faults a shop shows. Shares are probabilities per call (or per SKU for partial failures).</summary>
internal sealed record FaultSettings(
    double ThrottleShare,
    double ServerErrorShare,
    double TimeoutShare,
    TimeSpan TimeoutDelay,
    double PartialFailureShare,
    IReadOnlySet<string> BelowReservedSkus,
    int? RateLimitPerSecond)
{
    public static FaultSettings None { get; } = new(0, 0, 0, TimeSpan.Zero, 0, new HashSet<string>(), null);
}
