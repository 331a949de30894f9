namespace PushInventory.Connectors;

/// <summary>How a push of one store SKU ended.</summary>
public enum PushOutcome
{
    /// <summary>The marketplace accepted the stock.</summary>
    Succeeded,

    /// <summary>Network error, timeout, 5xx, throttling or "busy": try again later (see RetryAfter).</summary>
    RetryableFailure,

    /// <summary>Auth, not found, below reserved stock, bad parameters: retrying the same call will not help.</summary>
    PermanentFailure,
}
