using System.Threading.RateLimiting;

namespace PushInventory.Connectors.Resilience;

/// <summary>
/// A token bucket that refills by arithmetic, not by a timer: <c>rate</c> tokens a second up to <c>burst</c>,
/// worked out from the time that has passed whenever a caller asks. Callers that find too few tokens queue,
/// oldest first, and one timer is armed for the moment the first of them can go.
/// </summary>
/// <remarks>
/// The framework's <see cref="TokenBucketRateLimiter"/> refills from a timer that fires every replenishment
/// period for as long as the limiter lives, whether anyone calls or not. A store's period is one call's worth
/// (100 ms at 10 calls/s, 1 ms at 1,000), and every store pushed since the process started keeps its limiter,
/// so a Push host with many stores would spend a core waking timers for idle stores. Here an idle store costs
/// nothing, and a busy one wakes a timer only while callers wait.
/// </remarks>
internal sealed class StoreTokenBucket : RateLimiter
{
    readonly double _rate;
    readonly int _burst;
    readonly TimeProvider _time;
    readonly LinkedList<Waiter> _queue = new();
    readonly Lock _lock = new();
    double _tokens;
    long _refilledAt;
    long? _fullSince;
    ITimer? _timer;
    long _granted;
    long _refused;
    bool _disposed;

    public StoreTokenBucket(double callsPerSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(callsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _rate = callsPerSecond;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _refilledAt = time.GetTimestamp();
        _fullSince = _refilledAt;
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                Refill();
                return _queue.Count == 0 && _fullSince is { } since ? _time.GetElapsedTime(since) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Refill();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)_tokens,
                CurrentQueuedCount = QueuedPermits(),
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermits(permitCount);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (TryTake(permitCount))
            {
                return Lease.Granted;
            }

            _refused++;
            return Lease.Refused(WaitFor(permitCount + QueuedPermits()));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermits(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (TryTake(permitCount))
            {
                return ValueTask.FromResult(Lease.Granted);
            }

            waiter = new Waiter(permitCount);
            waiter.Node = _queue.AddLast(waiter);
            if (_queue.Count == 1)
            {
                Arm();
            }
        }

        return cancellationToken.CanBeCanceled ? WaitAsync(waiter, cancellationToken) : new ValueTask<RateLimitLease>(waiter.Source.Task);
    }

    async ValueTask<RateLimitLease> WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        return await waiter.Source.Task;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore()
    {
        Close();
        return base.DisposeAsyncCore();
    }

    /// <summary>Refuses every waiter and stops the timer; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    void Close()
    {
        List<Waiter> waiting;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            waiting = [.. _queue];
            foreach (var waiter in waiting)
            {
                waiter.Node = null;
            }

            _queue.Clear();
            _timer?.Dispose();
            _timer = null;
        }

        foreach (var waiter in waiting)
        {
            waiter.Source.TrySetResult(Lease.Refused(null));
        }
    }

    void CheckPermits(int permitCount)
    {
        if (permitCount < 0 || permitCount > _burst)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"Between 0 and the burst, {_burst}.");
        }
    }

    /// <summary>Takes the permits if no one is queued before the caller and there are enough. Under the lock.</summary>
    bool TryTake(int permitCount)
    {
        Refill();
        if (_queue.Count > 0 || _tokens < permitCount)
        {
            return false;
        }

        Take(permitCount);
        return true;
    }

    void Take(int permitCount)
    {
        if (permitCount > 0)
        {
            _tokens -= permitCount;
            _fullSince = null;
        }

        _granted++;
    }

    /// <summary>Adds the tokens earned since the last refill, up to the burst. Under the lock.</summary>
    void Refill()
    {
        var now = _time.GetTimestamp();
        if (_tokens < _burst)
        {
            var earned = (now - _refilledAt) * _rate / _time.TimestampFrequency;
            if (_tokens + earned >= _burst)
            {
                // Full at the moment the last missing token was earned, not now.
                _fullSince = now - (long)((_tokens + earned - _burst) / _rate * _time.TimestampFrequency);
                _tokens = _burst;
            }
            else
            {
                _tokens += earned;
            }
        }

        _refilledAt = now;
    }

    int QueuedPermits()
    {
        var sum = 0;
        foreach (var waiter in _queue)
        {
            sum += waiter.Permits;
        }

        return sum;
    }

    /// <summary>How long until <paramref name="permits"/> tokens are there. Under the lock, after a refill.</summary>
    TimeSpan WaitFor(int permits)
    {
        var missing = permits - _tokens;
        return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(missing / _rate);
    }

    /// <summary>Sets the timer for when the first waiter can go (at least a millisecond away). Under the lock.</summary>
    void Arm()
    {
        if (_queue.First is not { } first)
        {
            return;
        }

        var due = WaitFor(first.Value.Permits);
        if (due < TimeSpan.FromMilliseconds(1))
        {
            due = TimeSpan.FromMilliseconds(1);
        }

        if (_timer is null)
        {
            _timer = _time.CreateTimer(static state => ((StoreTokenBucket)state!).Release(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The timer: lets go every waiter at the head of the queue there are tokens for, then re-arms.</summary>
    void Release()
    {
        List<Waiter>? ready = null;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            Refill();
            while (_queue.First is { } first && _tokens >= first.Value.Permits)
            {
                _queue.RemoveFirst();
                first.Value.Node = null;
                Take(first.Value.Permits);
                (ready ??= []).Add(first.Value);
            }

            Arm();
        }

        foreach (var waiter in ready ?? [])
        {
            waiter.Source.TrySetResult(Lease.Granted);
        }
    }

    void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (waiter.Node is null)
            {
                // Already let go (or refused on disposal): the lease is the caller's.
                return;
            }

            var wasFirst = _queue.First == waiter.Node;
            _queue.Remove(waiter.Node);
            waiter.Node = null;
            if (wasFirst)
            {
                // The next waiter may need fewer tokens than the one that left.
                Arm();
            }
        }

        waiter.Source.TrySetCanceled(cancellationToken);
    }

    sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Source { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }

    sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly RateLimitLease Granted = new Lease(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static RateLimitLease Refused(TimeSpan? retryAfter) => new Lease(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = after;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
