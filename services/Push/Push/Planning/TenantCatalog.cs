using Microsoft.EntityFrameworkCore;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;

namespace PushInventory.Push.Planning;

/// <summary>
/// The read models of one tenant that change seldom and that every recompute needs: mappings, merchant SKUs
/// with their bundle recipes, rules (parsed) and stores. Loaded whole, as of one <see cref="Stamp"/>, and never
/// changed afterwards: recomputes share it, so nothing may modify or track its entities.
/// </summary>
internal sealed class TenantCatalog
{
    TenantCatalog(Guid stamp, List<SkuMapping> mappings, List<MerchantSku> merchantSkus, List<BundleComponent> components, List<RuleInput> rules, List<Store> stores)
    {
        Stamp = stamp;
        MappingsByStoreSku = mappings.ToDictionary(m => m.StoreSkuId);
        MappingsByMerchantSku = mappings.Where(m => m.MerchantSkuId is not null).ToLookup(m => m.MerchantSkuId!.Value);
        MerchantSkus = merchantSkus.ToDictionary(m => m.Id);
        BundlesByComponent = components.ToLookup(c => c.ComponentId, c => c.BundleId);
        Rules = rules;
        Stores = stores.ToDictionary(s => s.Id);
        Rows = mappings.Count + merchantSkus.Count + components.Count + rules.Count + stores.Count;
    }

    /// <summary>The tenant's catalog stamp (<see cref="TenantSettings.CatalogStamp"/>) this copy was read at or after.</summary>
    public Guid Stamp { get; }

    public IReadOnlyDictionary<Guid, SkuMapping> MappingsByStoreSku { get; }

    public ILookup<Guid, SkuMapping> MappingsByMerchantSku { get; }

    /// <summary>The merchant SKUs not deleted, with their components.</summary>
    public IReadOnlyDictionary<Guid, MerchantSku> MerchantSkus { get; }

    /// <summary>For a merchant SKU, the bundles whose recipe holds it.</summary>
    public ILookup<Guid, Guid> BundlesByComponent { get; }

    /// <summary>The rules not deleted.</summary>
    public IReadOnlyList<RuleInput> Rules { get; }

    /// <summary>The stores not deleted.</summary>
    public IReadOnlyDictionary<Guid, Store> Stores { get; }

    /// <summary>How many rows it holds: its size in the cache.</summary>
    public int Rows { get; }

    /// <summary>
    /// Reads the tenant's catalog. The caller read <paramref name="stamp"/> before, in the same transaction or
    /// earlier: a change saved after that read brings a new stamp, so a copy that already holds it is only
    /// read again once more, never kept while older than its stamp says.
    /// </summary>
    public static async Task<TenantCatalog> LoadAsync(PushDbContext db, Guid tenantId, Guid stamp, CancellationToken cancellationToken)
    {
        var mappings = await db.Mappings.AsNoTracking().Where(m => m.TenantId == tenantId).ToListAsync(cancellationToken);
        var merchantSkus = await db.MerchantSkus.AsNoTracking().Include(m => m.Components)
            .Where(m => m.TenantId == tenantId && !m.Deleted)
            .ToListAsync(cancellationToken);
        var components = await db.BundleComponents.AsNoTracking().Where(c => c.TenantId == tenantId).ToListAsync(cancellationToken);
        var rules = await ReadRulesAsync(db, tenantId, cancellationToken);
        var stores = await ReadStoresAsync(db, tenantId, cancellationToken);
        return new(stamp, mappings, merchantSkus, components, rules, [.. stores.Values]);
    }

    /// <summary>The tenant's rules not deleted, parsed (what a recompute without a catalog reads too).</summary>
    public static async Task<List<RuleInput>> ReadRulesAsync(PushDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        [.. (await db.Rules.AsNoTracking()
                .Where(r => r.TenantId == tenantId && !r.Deleted)
                .Select(r => r.Snapshot)
                .ToListAsync(cancellationToken))
            .Select(RuleSnapshots.ToInput)
            .DistinctBy(r => r.Id)];

    /// <summary>The tenant's stores not deleted, by id (what a recompute without a catalog reads too).</summary>
    public static Task<Dictionary<Guid, Store>> ReadStoresAsync(PushDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        db.Stores.AsNoTracking()
            .Where(s => s.TenantId == tenantId && !s.Deleted)
            .ToDictionaryAsync(s => s.Id, cancellationToken);
}
