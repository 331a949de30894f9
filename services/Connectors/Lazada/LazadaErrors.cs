using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.Lazada;

/// <summary>Lazada's error classes. The API answers HTTP 200 with a <c>code</c> for most errors.</summary>
internal static class LazadaErrors
{
    internal const string PartialFailure = "501";

    private static readonly HashSet<string> Throttling = new(StringComparer.OrdinalIgnoreCase)
    {
        "901", "SellerCallLimit", "ApiCallLimit", "AppCallLimit", "AccessFrequencyLimit",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.OrdinalIgnoreCase)
    {
        "ServiceTimeout", "ServiceUnavailable", "InternalError", "SystemBusy", "ISP.ServiceUnavailable",
    };

    public static CallResult Classify(RawResponse response)
    {
        var code = RawResponse.Text(response.Json?["code"]);
        var message = RawResponse.Text(response.Json?["message"]);
        if (response.IsTooManyRequests || (code is not null && Throttling.Contains(code)))
        {
            return CallResult.Failed(CallStatus.Throttled, code ?? "http_429", message, response.RetryAfter);
        }

        if (response.IsServerError || (code is not null && Transient.Contains(code)))
        {
            return CallResult.Failed(CallStatus.Transient, code ?? $"http_{response.StatusCode}", message, response.RetryAfter);
        }

        if (response.StatusCode is < 200 or >= 300)
        {
            return CallResult.Failed(CallStatus.Permanent, code ?? $"http_{response.StatusCode}", message ?? response.Body);
        }

        if (response.Json is null || code is null)
        {
            return CallResult.Failed(CallStatus.Transient, "invalid_response", "The answer had no code.");
        }

        // IllegalAccessToken, IncompleteSignature, InvalidApiKey, 4170 (below reserved stock) and the like.
        return code is "0" or PartialFailure
            ? CallResult.Completed(response.Json)
            : CallResult.Failed(CallStatus.Permanent, code, message);
    }

    /// <summary>A per-SKU failure in a 501 answer.</summary>
    public static PushOutcome ClassifyDetail(string? code, string? message)
    {
        if (code is not null && (Throttling.Contains(code) || Transient.Contains(code)))
        {
            return PushOutcome.RetryableFailure;
        }

        if (code is "4170")
        {
            return PushOutcome.PermanentFailure;
        }

        string[] permanent = ["reserved", "promotion", "not found", "not exist", "invalid", "illegal"];
        return message is not null && permanent.Any(word => message.Contains(word, StringComparison.OrdinalIgnoreCase))
            ? PushOutcome.PermanentFailure
            : PushOutcome.RetryableFailure;
    }
}
