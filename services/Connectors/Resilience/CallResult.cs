using System.Text.Json.Nodes;

namespace PushInventory.Connectors.Resilience;

/// <summary>One marketplace call's outcome: the parsed body when completed, else the failure.</summary>
internal sealed record CallResult(
    CallStatus Status,
    JsonNode? Body,
    string? ErrorCode,
    string? ErrorMessage,
    TimeSpan? RetryAfter)
{
    public bool IsRetryable => Status is CallStatus.Throttled or CallStatus.Transient;

    public static CallResult Completed(JsonNode body) => new(CallStatus.Completed, body, null, null, null);

    public static CallResult Failed(CallStatus status, string? code, string? message, TimeSpan? retryAfter = null) =>
        new(status, null, code, message, retryAfter);

    public StockUpdateResult ToResult(Guid storeSkuId) => new(
        storeSkuId,
        IsRetryable ? PushOutcome.RetryableFailure : PushOutcome.PermanentFailure,
        ErrorCode,
        ErrorMessage,
        RetryAfter);
}
