using System.Collections.Concurrent;

namespace PushInventory.Push.Planning;

/// <summary>
/// Serialises one tenant's recomputes inside this process, so they never fight over the same states: a lost
/// race would redo a whole recompute. Across instances the states' concurrency token does the same job; the
/// dispatcher's settles need no lock on PostgreSQL, as they never change that token (see <see cref="Domain.PushState"/>);
/// on SQLite, a single-writer file, they take it too.
/// </summary>
internal sealed class TenantLocks
{
    readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public SemaphoreSlim For(Guid tenantId) => _locks.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
}
