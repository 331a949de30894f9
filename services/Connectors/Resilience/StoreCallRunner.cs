using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace PushInventory.Connectors.Resilience;

/// <summary>Runs one marketplace call through the store's pipeline and turns exceptions into results.</summary>
internal sealed class StoreCallRunner(
    StorePipelines pipelines,
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    ILogger<StoreCallRunner> logger)
{
    public const string HttpClientName = "PushInventory.Connectors";

    public TimeProvider Time => time;

    /// <summary>
    /// Sends the request made by <paramref name="createRequest"/> (called again for each attempt, so
    /// timestamps and signatures are fresh) and classifies the answer with <paramref name="classify"/>.
    /// </summary>
    public async Task<CallResult> RunAsync(
        StoreTarget store,
        MarketplaceOptions options,
        string apiPath,
        Func<HttpRequestMessage> createRequest,
        Func<RawResponse, CallResult> classify,
        CancellationToken cancellationToken)
    {
        var pipeline = pipelines.For(store.StoreId, options);
        try
        {
            return await pipeline.ExecuteAsync(
                async token => await SendAsync(store, apiPath, createRequest, classify, token),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException)
        {
            return CallResult.Failed(CallStatus.Transient, "timeout", $"No answer within {options.Timeout.TotalSeconds:0.###} s.");
        }
        catch (BrokenCircuitException ex)
        {
            return CallResult.Failed(CallStatus.Transient, "circuit_open", "The store failed repeatedly; calls are paused.", ex.RetryAfter);
        }
        catch (RateLimiterRejectedException ex)
        {
            return CallResult.Failed(CallStatus.Throttled, "rate_limited", "The store's call queue is full.", ex.RetryAfter);
        }
        catch (HttpRequestException ex)
        {
            return CallResult.Failed(CallStatus.Transient, "network_error", ex.Message);
        }
    }

    private async ValueTask<CallResult> SendAsync(
        StoreTarget store,
        string apiPath,
        Func<HttpRequestMessage> createRequest,
        Func<RawResponse, CallResult> classify,
        CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(HttpClientName);
        using var request = createRequest();
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var raw = await RawResponse.ReadAsync(response, time, cancellationToken);
        var result = classify(raw);
        // The query holds the signature and token: only the API path is logged.
        logger.LogDebug(
            "{Marketplace} store {StoreId} {ApiPath} answered {StatusCode} ({CallStatus}) in {ElapsedMs:0} ms",
            store.Marketplace,
            store.StoreId,
            apiPath,
            raw.StatusCode,
            result.Status,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (result.Status != CallStatus.Completed)
        {
            logger.LogWarning(
                "{Marketplace} store {StoreId} {ApiPath} failed: {CallStatus} {ErrorCode} {ErrorMessage}",
                store.Marketplace,
                store.StoreId,
                apiPath,
                result.Status,
                result.ErrorCode,
                result.ErrorMessage);
        }

        return result;
    }

    /// <summary>The URL of an API path under the store's base address (which may itself have a path).</summary>
    public static string Url(StoreTarget store, string apiPath, string query) =>
        $"{store.BaseUrl.AbsoluteUri.TrimEnd('/')}{apiPath}?{query}";
}
