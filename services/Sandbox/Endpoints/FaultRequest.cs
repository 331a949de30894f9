namespace PushInventory.Sandbox.Endpoints;

/// <summary>Faults for one shop. Shares are 0 to 1; a new request replaces the shop's faults.</summary>
internal sealed record FaultRequest(
    string? Marketplace,
    string? Shop,
    double ThrottleShare,
    double ServerErrorShare,
    double TimeoutShare,
    int TimeoutDelayMs,
    double PartialFailureShare,
    IReadOnlyList<string>? BelowReservedSkus,
    int? RateLimitPerSecond);
