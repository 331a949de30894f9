using Microsoft.EntityFrameworkCore;
using PushInventory.Mapping.Domain;
using PushInventory.Mapping.Persistence;

namespace PushInventory.Mapping;

/// <summary>
/// Auto-mapping: an unmapped store SKU is linked to the merchant SKU whose code (trimmed, case-insensitive)
/// equals the store SKU's seller SKU under the tenant's normalisation rules. Mapped store SKUs are never
/// touched; a key that matches no live merchant SKU, or more than one, maps nothing.
/// </summary>
internal static class AutoMapping
{
    /// <summary>The advisory lock kind under which the SKU consumers apply their events, a tenant at a time (see <see cref="ServiceDefaults.Persistence.TenantTransaction"/>).</summary>
    public const int LockKind = 0x4D415050;

    public const string Actor = "auto-mapping";

    public sealed record Pair(Guid StoreSkuId, string SellerSku, Guid MerchantSkuId, string MerchantSkuCode);

    public sealed record Outcome(int Scanned, int Mapped, int AlreadyMapped, int NoMatch, IReadOnlyList<Pair> Pairs);

    /// <summary>Maps every unmapped store SKU of <paramref name="storeIds"/> (all stores when empty).</summary>
    public static async Task<Outcome> MapUnmappedAsync(MappingDbContext db, Guid tenantId, IReadOnlyList<Guid> storeIds, DateTime now, CancellationToken cancellationToken)
    {
        var scope = db.StoreSkus.Where(s => s.TenantId == tenantId && !s.Deleted);
        if (storeIds.Count > 0)
        {
            scope = scope.Where(s => storeIds.Contains(s.StoreId));
        }

        var alreadyMapped = await scope.CountAsync(s => s.MerchantSkuId != null, cancellationToken);
        var unmapped = await scope.Where(s => s.MerchantSkuId == null).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        var normalizer = new Normalizer(await RulesAsync(db, tenantId, cancellationToken));

        // Keys are worked out afresh from the current rules, not from the stored match keys.
        var keys = unmapped.ToDictionary(s => s.Sequence, s => LinkChanges.MatchKey(normalizer, s.SellerSku));
        var wanted = keys.Values.OfType<string>().Distinct().ToList();
        var merchants = (await db.MerchantSkus.AsNoTracking()
                .Where(m => m.TenantId == tenantId && !m.Deleted && wanted.Contains(m.NormalizedCode))
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.NormalizedCode, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);

        var pairs = new List<Pair>();
        foreach (var sku in unmapped)
        {
            if (keys[sku.Sequence] is { } key && merchants.TryGetValue(key, out var merchant))
            {
                sku.MatchKey = key;
                LinkChanges.Relink(db, sku, merchant, Actor, ChangeReason.AutoMapping, now);
                pairs.Add(new Pair(sku.Id, sku.SellerSku, merchant.Id, merchant.Code));
            }
        }

        return new Outcome(alreadyMapped + unmapped.Count, pairs.Count, alreadyMapped, unmapped.Count - pairs.Count, pairs);
    }

    /// <summary>A store SKU that just arrived (or whose seller SKU changed) and is unmapped: map it if its key matches one merchant SKU.</summary>
    public static async Task<bool> MapArrivedStoreSkuAsync(MappingDbContext db, StoreSku sku, DateTime now, CancellationToken cancellationToken)
    {
        if (sku.Deleted || sku.MerchantSkuId is not null || sku.MatchKey is null)
        {
            return false;
        }

        var candidates = await db.MerchantSkus.AsNoTracking()
            .Where(m => m.TenantId == sku.TenantId && !m.Deleted && m.NormalizedCode == sku.MatchKey)
            .Take(2)
            .ToListAsync(cancellationToken);
        return candidates.Count == 1 && LinkChanges.Relink(db, sku, candidates[0], Actor, ChangeReason.AutoMappingOnArrival, now);
    }

    /// <summary>A merchant SKU that just arrived (or whose code changed): map the unmapped store SKUs waiting for its code.</summary>
    public static async Task<int> MapWaitingStoreSkusAsync(MappingDbContext db, MerchantSku merchant, DateTime now, CancellationToken cancellationToken)
    {
        var others = await db.MerchantSkus.AsNoTracking()
            .AnyAsync(m => m.TenantId == merchant.TenantId && !m.Deleted && m.NormalizedCode == merchant.NormalizedCode && m.Id != merchant.Id, cancellationToken);
        if (others)
        {
            return 0;
        }

        var waiting = await db.StoreSkus
            .Where(s => s.TenantId == merchant.TenantId && !s.Deleted && s.MerchantSkuId == null && s.MatchKey == merchant.NormalizedCode)
            .OrderBy(s => s.Sequence)
            .ToListAsync(cancellationToken);
        return waiting.Count(sku => LinkChanges.Relink(db, sku, merchant, Actor, ChangeReason.AutoMappingOnArrival, now));
    }

    public static async Task<NormalizationRules> RulesAsync(MappingDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        (await db.NormalizationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken))?.Rules ?? NormalizationRules.None;
}
