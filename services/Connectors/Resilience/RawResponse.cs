using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PushInventory.Connectors.Resilience;

/// <summary>An HTTP answer reduced to what classification needs.</summary>
internal sealed record RawResponse(int StatusCode, JsonNode? Json, string Body, TimeSpan? RetryAfter)
{
    public bool IsServerError => StatusCode >= 500;

    public bool IsTooManyRequests => StatusCode == 429;

    public static async Task<RawResponse> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        try
        {
            json = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            json = null;
        }

        return new RawResponse((int)response.StatusCode, json, body, ParseRetryAfter(response.Headers.RetryAfter, time));
    }

    internal static TimeSpan? ParseRetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>A JSON value as text whether the API sent a string or a number.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
