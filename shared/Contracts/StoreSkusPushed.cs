namespace PushInventory.Contracts;

/// <summary>
/// The pushes of one tenant that ended together (one settled round of a store): each a full
/// <see cref="StoreSkuPushed"/>. What the Push service publishes: one message per settled round (at most
/// <see cref="MaxPushes"/> pushes; a larger round is split across several), so a busy store costs the bus a
/// few messages a second, not one per store SKU.
/// </summary>
/// <param name="TenantId">The seller account; every push belongs to it.</param>
/// <param name="Pushes">The pushes, in the order they were sent.</param>
public sealed record StoreSkusPushed(Guid TenantId, IReadOnlyList<StoreSkuPushed> Pushes)
{
    /// <summary>Pushes carried by one message at most.</summary>
    public const int MaxPushes = 500;

    /// <summary>
    /// <paramref name="pushes"/> as messages of one tenant each, at most <see cref="MaxPushes"/> pushes each, in
    /// order; none when there are none.
    /// </summary>
    public static IEnumerable<StoreSkusPushed> Batches(IEnumerable<StoreSkuPushed> pushes) =>
        pushes.GroupBy(p => p.TenantId)
            .SelectMany(tenant => tenant.Chunk(MaxPushes).Select(chunk => new StoreSkusPushed(tenant.Key, chunk)));
}
