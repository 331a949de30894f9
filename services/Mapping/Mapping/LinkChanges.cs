using PushInventory.Contracts;
using PushInventory.Mapping.Domain;
using PushInventory.Mapping.Persistence;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Mapping;

/// <summary>
/// The one way a link changes: the store SKU's link and mapping version, a change log entry and a
/// <see cref="MappingChanged"/> in the outbox, all saved by the caller's single SaveChanges.
/// </summary>
internal static class LinkChanges
{
    public const int MaxActorLength = 200;

    /// <summary>Now, to the microsecond (what PostgreSQL keeps), so cursors made from saved rows compare exactly.</summary>
    public static DateTime Now(TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>Points <paramref name="sku"/> at <paramref name="target"/> (null unlinks); false when it already was.</summary>
    public static bool Relink(MappingDbContext db, StoreSku sku, MerchantSku? target, string changedBy, ChangeReason reason, DateTime now)
    {
        var actor = changedBy.Length > MaxActorLength ? changedBy[..MaxActorLength] : changedBy;
        var change = sku.Relink(target, actor, reason, now);
        if (change is null)
        {
            return false;
        }

        db.Changes.Add(change);
        db.AddOutboxMessage(
            new MappingChanged(change.TenantId, change.StoreSkuId, change.StoreId, change.MerchantSkuIdBefore, change.MerchantSkuIdAfter, change.MerchantSkuCodeAfter, change.Version, change.ChangedBy, now),
            now);
        return true;
    }

    /// <summary>The key a seller SKU is matched on under <paramref name="normalizer"/>; null when it is empty.</summary>
    public static string? MatchKey(Normalizer normalizer, string sellerSku) =>
        normalizer.Normalize(sellerSku) is { Length: > 0 } key ? key : null;
}
