namespace PushInventory.Sandbox.Domain;

/// <summary>
/// Faults a shop shows. Shares are probabilities per call (or per SKU for partial failures). Throttle
/// answers carry Retry-After of RetryAfterSeconds (default 1), as an HTTP date with RetryAfterAsDate;
/// WarehouseFailures are SKU and warehouse pairs whose updates fail retryably.
/// </summary>
internal sealed record FaultSettings(
    double ThrottleShare,
    double ServerErrorShare,
    double TimeoutShare,
    TimeSpan TimeoutDelay,
    double PartialFailureShare,
    IReadOnlySet<string> BelowReservedSkus,
    int? RateLimitPerSecond,
    int? RetryAfterSeconds = null,
    bool RetryAfterAsDate = false,
    IReadOnlySet<(string Sku, string Warehouse)>? WarehouseFailures = null)
{
    public static FaultSettings None { get; } = new(0, 0, 0, TimeSpan.Zero, 0, new HashSet<string>(), null);
}
