namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>Wakes the dispatcher of one DbContext type when a commit may have saved outbox messages.</summary>
public sealed class OutboxSignal<TContext> : IDisposable
{
    readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Wakes the dispatcher (many wakes before it runs count as one).</summary>
    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the dispatcher will see this commit's rows too.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a wake or the timeout.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
