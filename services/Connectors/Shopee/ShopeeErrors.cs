using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.Shopee;

/// <summary>Shopee's error classes.</summary>
internal static class ShopeeErrors
{
    public static CallResult Classify(RawResponse response)
    {
        var error = RawResponse.Text(response.Json?["error"]);
        var message = RawResponse.Text(response.Json?["message"]);
        if (response.IsTooManyRequests || (error is not null && error.Contains("rate_limit", StringComparison.OrdinalIgnoreCase)))
        {
            return CallResult.Failed(CallStatus.Throttled, error ?? "http_429", message, response.RetryAfter);
        }

        if (error is not null && (error.Contains("busy", StringComparison.OrdinalIgnoreCase)
            || error.Contains("server", StringComparison.OrdinalIgnoreCase)
            || error.Contains("inner", StringComparison.OrdinalIgnoreCase)
            || error.Contains("timeout", StringComparison.OrdinalIgnoreCase)))
        {
            return CallResult.Failed(CallStatus.Transient, error, message, response.RetryAfter);
        }

        if (response.IsServerError)
        {
            return CallResult.Failed(CallStatus.Transient, string.IsNullOrEmpty(error) ? $"http_{response.StatusCode}" : error, message, response.RetryAfter);
        }

        if (!string.IsNullOrEmpty(error))
        {
            return CallResult.Failed(CallStatus.Permanent, error, message);
        }

        if (response.StatusCode is < 200 or >= 300)
        {
            return CallResult.Failed(CallStatus.Permanent, $"http_{response.StatusCode}", response.Body);
        }

        return response.Json is { } json
            ? CallResult.Completed(json)
            : CallResult.Failed(CallStatus.Transient, "invalid_response", "The answer was not JSON.");
    }

    /// <summary>Per-model failures carry only a reason text.</summary>
    public static PushOutcome ClassifyFailedReason(string? reason)
    {
        if (reason is null)
        {
            return PushOutcome.RetryableFailure;
        }

        string[] permanent = ["reserved", "promotion", "not found", "not exist", "invalid", "deleted", "banned"];
        return permanent.Any(word => reason.Contains(word, StringComparison.OrdinalIgnoreCase))
            ? PushOutcome.PermanentFailure
            : PushOutcome.RetryableFailure;
    }
}
