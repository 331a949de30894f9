using System.Collections.Concurrent;

namespace PushInventory.Push.Planning;

/// <summary>
/// The newest StockChanged version this process has received per level. A message that waited for its
/// tenant's turn while a newer version of the same level arrived is dropped: the newer one carries the
/// whole state, so a burst of changes to one SKU costs one recompute per turn, not one per message, and
/// does not hold the queue's consumers (and with them other tenants) for long.
/// </summary>
internal sealed class LevelsInFlight
{
    readonly ConcurrentDictionary<(Guid Tenant, Guid Sku, Guid Warehouse), long> _newest = new();

    public void Arrived((Guid, Guid, Guid) level, long version) =>
        _newest.AddOrUpdate(level, version, (_, seen) => Math.Max(seen, version));

    public bool IsSuperseded((Guid, Guid, Guid) level, long version) =>
        _newest.TryGetValue(level, out var newest) && newest > version;

    public void Done((Guid, Guid, Guid) level, long version) =>
        _newest.TryRemove(KeyValuePair.Create(level, version));
}
