namespace PushInventory.Push.Dispatch;

/// <summary>Wakes the dispatcher when a recompute committed new pending pushes (many wakes count as one).</summary>
internal sealed class DispatchSignal : IDisposable
{
    readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
