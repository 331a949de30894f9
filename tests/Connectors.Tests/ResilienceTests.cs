using System.Net.Http.Headers;
using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.Tests;

/// <summary>Retry-After honoured by waiting or handed back, and the circuit breaker of each store.</summary>
public sealed class ResilienceTests(SandboxFixture sandbox)
{
    private SandboxDriver Driver => sandbox.Driver;

    [Fact]
    public async Task PushAsync_ThrottledWithRetryAfterOneSecond_WaitsThatLongBetweenAttempts()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();
        await Driver.SetFaultsAsync(store, new { throttleShare = 1.0, retryAfterSeconds = 1 });

        var results = await host.PushAsync(store, [Updates.Shopee(Updates.BaseId, 1, 5)]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results.Single().RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        var calls = await Driver.CallsAsync(store);
        calls.Count.ShouldBe(3);
        calls.Throttled.ShouldBe(3);
        // Measured by the sandbox: without Retry-After the retries would come 200 to 400 ms apart.
        calls.Gaps().ShouldAllBe(gap => gap >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task PushAsync_RetryAfterLongerThanTwoSeconds_HandedBackWithoutWaiting()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterTikTokShopAsync();
        await Driver.SetFaultsAsync(store, new { throttleShare = 1.0, retryAfterSeconds = 30 });
        var started = DateTimeOffset.UtcNow;

        var results = await host.PushAsync(store, [Updates.TikTok(Updates.BaseId, Updates.BaseId + 1, 5)]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        results.Single().ErrorCode.ShouldBe("36009002");
        results.Single().RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        (await Driver.CallsAsync(store)).Count.ShouldBe(1);
        (DateTimeOffset.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PushAsync_RetryAfterAsHttpDate_HandedBackAsTheWaitUntilThen()
    {
        await using var host = new ConnectorHost();
        var store = await Driver.RegisterShopeeAsync();
        await Driver.SetFaultsAsync(store, new { throttleShare = 1.0, retryAfterSeconds = 30, retryAfterAsDate = true });

        var results = await host.PushAsync(store, [Updates.Shopee(Updates.BaseId, 1, 5)]);

        results.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        // The date has whole seconds, so the wait is up to a second shorter (and the clock moved on a little).
        results.Single().RetryAfter!.Value.ShouldBeInRange(TimeSpan.FromSeconds(27), TimeSpan.FromSeconds(30));
        (await Driver.CallsAsync(store)).Count.ShouldBe(1);
    }

    [Fact]
    public void ParseRetryAfter_PastDateOrNegativeDelta_IsZero()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

        RawResponse.ParseRetryAfter(new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(-5)), time).ShouldBe(TimeSpan.Zero);
        RawResponse.ParseRetryAfter(new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(7)), time).ShouldBe(TimeSpan.FromSeconds(7));
        RawResponse.ParseRetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)), time).ShouldBe(TimeSpan.FromSeconds(3));
        RawResponse.ParseRetryAfter(null, time).ShouldBeNull();
    }

    [Fact]
    public async Task PushAsync_RepeatedFailures_OpenTheStoresCircuitOnly()
    {
        await using var host = new ConnectorHost(
            ("Connectors:Lazada:CircuitBreaker:MinimumThroughput", "3"),
            ("Connectors:Lazada:CircuitBreaker:BreakDuration", "00:00:30"));
        var failing = await Driver.RegisterLazadaAsync();
        var healthy = await Driver.RegisterLazadaAsync();
        await Driver.SetFaultsAsync(failing, new { serverErrorShare = 1.0 });

        var first = await host.PushAsync(failing, [Updates.Lazada(1, 2, 3)]);
        var second = await host.PushAsync(failing, [Updates.Lazada(1, 2, 3)]);
        var other = await host.PushAsync(healthy, [Updates.Lazada(1, 2, 3)]);

        first.Single().ErrorCode.ShouldBe("ServiceUnavailable");
        second.Single().Outcome.ShouldBe(PushOutcome.RetryableFailure);
        second.Single().ErrorCode.ShouldBe("circuit_open");
        second.Single().RetryAfter.ShouldNotBeNull();
        // The open circuit kept the second push from reaching the marketplace at all.
        (await Driver.CallsAsync(failing)).Count.ShouldBe(3);
        other.Single().Succeeded.ShouldBeTrue();
        (await Driver.CallsAsync(healthy)).Count.ShouldBe(1);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
