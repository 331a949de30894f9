namespace PushInventory.Connectors.Resilience;

/// <summary>How one marketplace call ended as a whole.</summary>
internal enum CallStatus
{
    /// <summary>The marketplace answered the call; per-SKU results are in the body.</summary>
    Completed,

    /// <summary>The marketplace throttled the call.</summary>
    Throttled,

    /// <summary>Network error, timeout, 5xx or "busy": the store may be unwell.</summary>
    Transient,

    /// <summary>Auth, bad parameters, not found: the whole call failed for good.</summary>
    Permanent,
}
