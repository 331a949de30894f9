namespace PushInventory.Sandbox.Domain;

/// <summary>What the fault settings make of one call before it is served.</summary>
internal enum CallVerdict
{
    Serve,
    RateLimited,
    Throttle,
    ServerError,
    Delay,
}
