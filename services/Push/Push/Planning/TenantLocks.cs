using System.Collections.Concurrent;

namespace PushInventory.Push.Planning;

/// <summary>
/// Serialises recomputes of one tenant inside this process, so a burst of triggers does not fight over the
/// same push states; across instances the states' concurrency token does the same job.
/// </summary>
internal sealed class TenantLocks
{
    readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public SemaphoreSlim For(Guid tenantId) => _locks.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
}
