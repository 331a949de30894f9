namespace PushInventory.ServiceDefaults;

/// <summary>Wakes a background loop that otherwise polls; many wakes before it runs count as one.</summary>
public class WakeSignal : IDisposable
{
    readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Wakes the loop (a no-op when it is already woken).</summary>
    public void Wake()
    {
        // Checked first: under load commits wake the loop many times a second, and a throw each time is costly.
        if (_signal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Woken by another thread in between: the loop will see this wake's work too.
        }
    }

    /// <summary>Waits for a wake or the timeout; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the semaphore.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signal.Dispose();
        }
    }
}
