using PushInventory.ServiceDefaults;

namespace PushInventory.Push.Dispatch;

/// <summary>
/// Wakes the dispatcher when a recompute committed new pending pushes: its main loop (as any
/// <see cref="WakeSignal"/>), and every store it is holding, which waits for <see cref="NextChange"/>.
/// </summary>
internal sealed class DispatchSignal : WakeSignal
{
    TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first commit after it was taken (take it before reading, so a commit in between is not missed).</summary>
    public Task NextChange => Volatile.Read(ref _next).Task;

    /// <summary>Wakes the main loop and whoever waits for <see cref="NextChange"/>.</summary>
    public void Committed()
    {
        Wake();
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, next).TrySetResult();
    }
}
