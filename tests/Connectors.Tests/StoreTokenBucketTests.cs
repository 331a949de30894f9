using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.Tests;

public sealed class StoreTokenBucketTests
{
    static readonly TimeSpan OneToken = TimeSpan.FromMilliseconds(100);

    readonly CountingTime _time = new();

    StoreTokenBucket Bucket(int burst = 2) => new(callsPerSecond: 10, burst, _time);

    [Fact]
    public void AttemptAcquire_StartsFull_ThenRefusesWithTheWaitForTheNextToken()
    {
        using var bucket = Bucket(burst: 2);

        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        using var refused = bucket.AttemptAcquire();

        refused.IsAcquired.ShouldBeFalse();
        refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe(OneToken);
        bucket.GetStatistics().ShouldNotBeNull().TotalFailedLeases.ShouldBe(1);
    }

    [Fact]
    public void AttemptAcquire_AfterTime_RefillsAtTheRateUpToTheBurst()
    {
        using var bucket = Bucket(burst: 2);
        bucket.AttemptAcquire(2).IsAcquired.ShouldBeTrue();

        _time.Advance(OneToken / 2);
        bucket.AttemptAcquire().IsAcquired.ShouldBeFalse();
        _time.Advance(OneToken / 2);
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        bucket.AttemptAcquire().IsAcquired.ShouldBeFalse();

        _time.Advance(TimeSpan.FromMinutes(5));
        bucket.GetStatistics().ShouldNotBeNull().CurrentAvailablePermits.ShouldBe(2);
        bucket.AttemptAcquire(2).IsAcquired.ShouldBeTrue();
        bucket.AttemptAcquire().IsAcquired.ShouldBeFalse();
    }

    [Fact]
    public async Task AcquireAsync_WhenEmpty_CallersGoOldestFirstAsTokensArrive()
    {
        using var bucket = Bucket(burst: 1);
        (await bucket.AcquireAsync(1, TestContext.Current.CancellationToken)).IsAcquired.ShouldBeTrue();

        var first = bucket.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        var second = bucket.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        bucket.AttemptAcquire().IsAcquired.ShouldBeFalse("a caller that would jump the queue is refused");

        _time.Advance(OneToken - TimeSpan.FromMilliseconds(1));
        first.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await first).IsAcquired.ShouldBeTrue();
        second.IsCompleted.ShouldBeFalse();
        _time.Advance(OneToken);
        (await second).IsAcquired.ShouldBeTrue();
        bucket.GetStatistics().ShouldNotBeNull().CurrentQueuedCount.ShouldBe(0);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileQueued_LeavesTheQueueAndTheNextGoesInstead()
    {
        using var bucket = Bucket(burst: 1);
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        using var cancel = new CancellationTokenSource();
        var leaving = bucket.AcquireAsync(1, cancel.Token).AsTask();
        var staying = bucket.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(leaving);
        _time.Advance(OneToken);
        (await staying).IsAcquired.ShouldBeTrue();
        bucket.GetStatistics().ShouldNotBeNull().TotalSuccessfulLeases.ShouldBe(2);
    }

    [Fact]
    public async Task IdleOrServedAtOnce_NoTimerRuns()
    {
        using var bucket = Bucket(burst: 2);
        for (var i = 0; i < 20; i++)
        {
            (await bucket.AcquireAsync(1, TestContext.Current.CancellationToken)).IsAcquired.ShouldBeTrue();
            _time.Advance(OneToken);
        }

        _time.Timers.ShouldBe(0);
        _time.Advance(OneToken);
        bucket.IdleDuration.ShouldBe(OneToken, "full since the last token came back, one token ago");

        // One waiter arms the timer once; once it has gone, nothing fires however long the store stays idle.
        bucket.AttemptAcquire(2).IsAcquired.ShouldBeTrue();
        var waiting = bucket.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        _time.Advance(OneToken);
        (await waiting).IsAcquired.ShouldBeTrue();
        _time.Advance(TimeSpan.FromHours(1));
        _time.Timers.ShouldBe(1);
        _time.Fired.ShouldBe(1);
    }

    [Fact]
    public async Task Dispose_RefusesQueuedCallers_AndLaterCallsThrow()
    {
        var bucket = Bucket(burst: 1);
        bucket.AttemptAcquire().IsAcquired.ShouldBeTrue();
        var waiting = bucket.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        bucket.Dispose();

        (await waiting).IsAcquired.ShouldBeFalse();
        Should.Throw<ObjectDisposedException>(() => bucket.AttemptAcquire());
        Should.Throw<ArgumentOutOfRangeException>(() => Bucket(burst: 1).AttemptAcquire(2));
    }

    /// <summary>A fake clock that counts the timers created and how often their callbacks ran.</summary>
    sealed class CountingTime : FakeTimeProvider
    {
        int _fired;

        public int Timers { get; private set; }

        public int Fired => _fired;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Timers++;
            return base.CreateTimer(
                s =>
                {
                    Interlocked.Increment(ref _fired);
                    callback(s);
                },
                state,
                dueTime,
                period);
        }
    }
}
