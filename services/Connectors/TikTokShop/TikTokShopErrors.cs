using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.TikTokShop;

/// <summary>TikTok Shop's error classes.</summary>
internal static class TikTokShopErrors
{
    internal const string TooManyRequests = "36009002";
    internal const string BelowPromotionReservedStock = "12052393";

    public static CallResult Classify(RawResponse response)
    {
        var code = RawResponse.Text(response.Json?["code"]);
        var message = RawResponse.Text(response.Json?["message"]);
        if (response.IsTooManyRequests || code == TooManyRequests)
        {
            return CallResult.Failed(CallStatus.Throttled, code ?? "http_429", message, response.RetryAfter);
        }

        if (response.IsServerError || (code is not null and not "0" && IsTransientMessage(message)))
        {
            return CallResult.Failed(CallStatus.Transient, code ?? $"http_{response.StatusCode}", message, response.RetryAfter);
        }

        if (response.Json is null || code is null)
        {
            return response.StatusCode is >= 200 and < 300
                ? CallResult.Failed(CallStatus.Transient, "invalid_response", "The answer had no code.")
                : CallResult.Failed(CallStatus.Permanent, $"http_{response.StatusCode}", response.Body);
        }

        // Auth (105xxx, 106xxx), bad parameters, not found, below reserved stock and the like.
        return code == "0"
            ? CallResult.Completed(response.Json)
            : CallResult.Failed(CallStatus.Permanent, code, message);
    }

    /// <summary>A per-SKU entry of <c>data.errors</c>.</summary>
    public static PushOutcome ClassifySkuError(string? code, string? message)
    {
        if (code == BelowPromotionReservedStock)
        {
            return PushOutcome.PermanentFailure;
        }

        if (code == TooManyRequests || IsTransientMessage(message))
        {
            return PushOutcome.RetryableFailure;
        }

        string[] permanent = ["reserved", "promotion", "not found", "not exist", "invalid"];
        return message is not null && permanent.Any(word => message.Contains(word, StringComparison.OrdinalIgnoreCase))
            ? PushOutcome.PermanentFailure
            : PushOutcome.RetryableFailure;
    }

    private static bool IsTransientMessage(string? message) =>
        message is not null && (message.Contains("busy", StringComparison.OrdinalIgnoreCase)
            || message.Contains("try again", StringComparison.OrdinalIgnoreCase)
            || message.Contains("timeout", StringComparison.OrdinalIgnoreCase));
}
