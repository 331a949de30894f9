namespace PushInventory.Sandbox.Endpoints;

/// <summary>
/// Faults for one shop. Shares are 0 to 1; a new request replaces the shop's faults. RetryAfterSeconds
/// sets the Retry-After of throttle answers (default 1), RetryAfterAsDate sends it as an HTTP date, and
/// WarehouseFailures fails updates of chosen SKUs in chosen warehouses.
/// </summary>
internal sealed record FaultRequest(
    string? Marketplace,
    string? Shop,
    double ThrottleShare,
    double ServerErrorShare,
    double TimeoutShare,
    int TimeoutDelayMs,
    double PartialFailureShare,
    IReadOnlyList<string>? BelowReservedSkus,
    int? RateLimitPerSecond,
    int? RetryAfterSeconds = null,
    bool RetryAfterAsDate = false,
    IReadOnlyList<WarehouseFailure>? WarehouseFailures = null);
