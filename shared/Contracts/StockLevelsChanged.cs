namespace PushInventory.Contracts;

/// <summary>
/// The stock level changes of one tenant saved in one transaction, in the order they were applied: every
/// version of every level that changed, each a full <see cref="StockChanged"/>. What the Stock service
/// publishes: one message per saved batch of movements (at most <see cref="MaxChanges"/> changes; a larger
/// batch is split across several), so a burst of movements costs the bus a few messages, not one each.
/// Consumers keep, per level, only the highest version they have seen.
/// </summary>
/// <param name="TenantId">The seller account; every change belongs to it.</param>
/// <param name="Changes">The changes, oldest first.</param>
public sealed record StockLevelsChanged(Guid TenantId, IReadOnlyList<StockChanged> Changes)
{
    /// <summary>Changes carried by one message at most.</summary>
    public const int MaxChanges = 500;

    /// <summary>
    /// <paramref name="changes"/> (all of <paramref name="tenantId"/>) as messages of at most <see cref="MaxChanges"/>
    /// changes each, in order; none when there are none.
    /// </summary>
    public static IEnumerable<StockLevelsChanged> Batches(Guid tenantId, IReadOnlyList<StockChanged> changes) =>
        changes.Chunk(MaxChanges).Select(chunk => new StockLevelsChanged(tenantId, chunk));
}
