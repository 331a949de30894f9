using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace PushInventory.Connectors.Resilience;

/// <summary>
/// One resilience pipeline per store: retry (outermost, few and short, only for retryable outcomes,
/// honouring Retry-After), circuit breaker, a token-bucket rate limiter that queues callers, and a
/// timeout per attempt. Every attempt takes a token, so retries never push a store over its rate.
/// </summary>
internal sealed class StorePipelines(TimeProvider time) : IDisposable
{
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    private readonly ResiliencePipelineRegistry<Guid> registry = new();

    public ResiliencePipeline<CallResult> For(Guid storeId, MarketplaceOptions options) =>
        registry.GetOrAddPipeline<CallResult>(storeId, (builder, context) => Configure(builder, context, options, time));

    public void Dispose() => registry.Dispose();

    private static void Configure(
        ResiliencePipelineBuilder<CallResult> builder,
        ConfigureBuilderContext<Guid> context,
        MarketplaceOptions options,
        TimeProvider time)
    {
        var limiter = new StoreTokenBucket(options.CallsPerSecond, options.Burst, time);
        context.OnPipelineDisposed(limiter.Dispose);

        builder
            .AddRetry(new RetryStrategyOptions<CallResult>
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<CallResult>
            {
                FailureRatio = options.CircuitBreaker.FailureRatio,
                MinimumThroughput = options.CircuitBreaker.MinimumThroughput,
                SamplingDuration = options.CircuitBreaker.SamplingDuration,
                BreakDuration = options.CircuitBreaker.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsStoreUnwell(args.Outcome)),
            })
            .AddRateLimiter(limiter)
            .AddTimeout(options.Timeout);
    }

    private static bool ShouldRetry(Outcome<CallResult> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { IsRetryable: true } result } => result.RetryAfter is null || result.RetryAfter <= MaxRetryDelay,
        _ => false,
    };

    // Throttling says nothing about the store's health, so only errors and timeouts open the circuit.
    private static bool IsStoreUnwell(Outcome<CallResult> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.Status: CallStatus.Transient } => true,
        _ => false,
    };
}
