using System.Collections.Concurrent;

namespace PushInventory.Push.Planning;

/// <summary>
/// Serialises the writers of one tenant's push states inside this process (recomputes, and the dispatcher
/// settling what it sent), so they never fight over the same states: a lost race would redo a whole recompute.
/// Across instances the states' concurrency token does the same job.
/// </summary>
internal sealed class TenantLocks
{
    readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public SemaphoreSlim For(Guid tenantId) => _locks.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
}
