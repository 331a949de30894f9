using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;
using PushInventory.ServiceDefaults;

namespace PushInventory.Push.Planning;

/// <summary>
/// Builds the engine's snapshot from the read models, restricted to what the decisions need: all the
/// tenant's rules and stores; the given store SKUs and every store SKU mapped to the same merchant SKUs
/// (rules scoped by store need them); those merchant SKUs and their bundle components; their levels;
/// and the pre-order states.
/// </summary>
internal static class SnapshotLoader
{
    /// <summary>
    /// The mappings of the store SKUs mapped to any of the merchant SKUs or to a bundle that contains one of
    /// them (two queries, whatever the count; none from a <paramref name="catalog"/>). They are also every mapping the snapshot of those store SKUs
    /// needs (each store SKU has one mapping, and its merchant SKU is one of these), so <see cref="LoadAsync"/>
    /// takes them instead of reading them again.
    /// </summary>
    public static async Task<List<SkuMapping>> MappedToAsync(PushDbContext db, Guid tenantId, IReadOnlyCollection<Guid> merchantSkuIds, TenantCatalog? catalog, CancellationToken cancellationToken)
    {
        if (catalog is not null)
        {
            return [.. merchantSkuIds.Concat(merchantSkuIds.SelectMany(id => catalog.BundlesByComponent[id])).Distinct().SelectMany(id => catalog.MappingsByMerchantSku[id])];
        }

        var ids = merchantSkuIds.ToList();
        var bundleIds = await db.BundleComponents.AsNoTracking()
            .Where(c => c.TenantId == tenantId && ids.Contains(c.ComponentId))
            .Select(c => c.BundleId)
            .ToListAsync(cancellationToken);
        ids.AddRange(bundleIds);
        return await db.Mappings.AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.MerchantSkuId != null && ids.Contains(m.MerchantSkuId.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Loads the snapshot for <paramref name="storeSkuIds"/>; push states are tracked when <paramref name="trackStates"/>
    /// (a recompute changes them, a simulation does not). What the caller already read in this unit of work is
    /// not read again: <see cref="Preloaded.Mappings"/> (from <see cref="MappedToAsync"/>), and the levels of
    /// <see cref="Preloaded.LevelSkuIds"/> (tracked in this context).
    /// </summary>
    public static async Task<TenantData> LoadAsync(PushDbContext db, Guid tenantId, Plan plan, IReadOnlyCollection<Guid> storeSkuIds, bool trackStates, CancellationToken cancellationToken, Preloaded? preloaded = null)
    {
        var ids = storeSkuIds.Distinct().ToList();
        var idSet = ids.ToHashSet();
        var mappings = WithLocal(
            preloaded?.Mappings is { } known
                ? [.. known.Where(m => idSet.Contains(m.StoreSkuId))]
                : await db.Mappings.AsNoTracking().Where(m => m.TenantId == tenantId && ids.Contains(m.StoreSkuId)).ToListAsync(cancellationToken),
            db.Mappings.Local,
            m => m.TenantId == tenantId && idSet.Contains(m.StoreSkuId),
            m => m.StoreSkuId);
        var merchantIds = mappings.Where(m => m.MerchantSkuId is not null).Select(m => m.MerchantSkuId!.Value).Distinct().ToList();
        var merchantIdSet = merchantIds.ToHashSet();
        var related = preloaded?.Mappings is { } all
            ? [.. all.Where(m => m.MerchantSkuId is { } id && merchantIdSet.Contains(id))]
            : await db.Mappings.AsNoTracking()
                .Where(m => m.TenantId == tenantId && m.MerchantSkuId != null && merchantIds.Contains(m.MerchantSkuId.Value))
                .ToListAsync(cancellationToken);
        var allMappings = mappings.Concat(related).DistinctBy(m => m.StoreSkuId).ToDictionary(m => m.StoreSkuId);
        var allIds = ids.Union(allMappings.Keys).ToList();

        var allIdSet = allIds.ToHashSet();

        // The store SKUs with their push states, in one query (a state exists only for a store SKU the read model has).
        var stored = await StoreSkusWithStates(db, tenantId, allIds).ToListAsync(cancellationToken);
        var storeSkus = WithLocal(
                [.. stored.Select(r => r.Sku)],
                db.StoreSkus.Local,
                s => s.TenantId == tenantId && allIdSet.Contains(s.Id),
                s => s.Id)
            .Where(s => !s.Deleted)
            .ToDictionary(s => s.Id);
        var catalog = preloaded?.Catalog;
        var merchants = catalog is not null
            ? Known(catalog.MerchantSkus, merchantIds)
            : await db.MerchantSkus.AsNoTracking().Include(m => m.Components)
                .Where(m => m.TenantId == tenantId && merchantIds.Contains(m.Id) && !m.Deleted)
                .ToDictionaryAsync(m => m.Id, cancellationToken);
        var componentIds = merchants.Values.SelectMany(m => m.Components).Select(c => c.ComponentId).Distinct().Where(id => !merchants.ContainsKey(id)).ToList();
        var components = componentIds.Count == 0
            ? []
            : catalog is not null
                ? Known(catalog.MerchantSkus, componentIds)
                : await db.MerchantSkus.AsNoTracking()
                    .Where(m => m.TenantId == tenantId && componentIds.Contains(m.Id) && !m.Deleted)
                    .ToDictionaryAsync(m => m.Id, cancellationToken);
        var codeOf = merchants.Values.Concat(components.Values).ToDictionary(m => m.Id, m => m.Code);

        var levelIds = merchants.Keys.Concat(componentIds).ToList();
        var levelIdSet = levelIds.ToHashSet();
        var levels = WithLocal(
            preloaded?.LevelSkuIds is { } loaded && levelIds.All(loaded.Contains)
                ? []
                : await db.StockLevels.AsNoTracking().Where(l => l.TenantId == tenantId && levelIds.Contains(l.MerchantSkuId)).ToListAsync(cancellationToken),
            db.StockLevels.Local,
            l => l.TenantId == tenantId && levelIdSet.Contains(l.MerchantSkuId),
            l => (l.MerchantSkuId, l.WarehouseId));
        IReadOnlyList<RuleInput> rules = catalog?.Rules ?? await TenantCatalog.ReadRulesAsync(db, tenantId, cancellationToken);
        IReadOnlyDictionary<Guid, Store> stores = catalog?.Stores ?? await TenantCatalog.ReadStoresAsync(db, tenantId, cancellationToken);
        var states = stored.Where(r => r.State is not null).Select(r => r.State!).ToDictionary(s => s.StoreSkuId);
        if (trackStates)
        {
            Track(db, states);
        }

        var merchantInputs = merchants.Values
            .Select(m => new MerchantSkuInput(
                m.Code,
                m.CategoryId,
                m.IsBundle ? m.Components.Select(c => new ComponentInput(codeOf.GetValueOrDefault(c.ComponentId, c.ComponentCode), Math.Max(1, c.Quantity))).ToList() : null))
            .DistinctBy(m => Codes.Normalize(m.Code))
            .ToList();
        var levelInputs = levels
            .Select(l => (Level: l, Code: codeOf.GetValueOrDefault(l.MerchantSkuId, l.MerchantSkuCode)))
            .GroupBy(l => (Codes.Normalize(l.Code), Codes.Normalize(l.Level.WarehouseCode)))
            .Select(g => g.MaxBy(l => l.Level.Version))
            .Select(l => new StockLevelInput(l.Code, l.Level.WarehouseCode, l.Level.Available))
            .ToList();
        var storeSkuInputs = storeSkus.Values
            .Select(s => new StoreSkuInput(s.Id, s.StoreId, MappedCode(allMappings.GetValueOrDefault(s.Id), codeOf), s.ReservedStock))
            .ToList();
        var preOrders = states.Values.Select(s => new PreOrderStateInput(s.StoreSkuId, s.CurrentPreOrderState)).ToList();

        var snapshot = new TenantSnapshot(
            plan,
            rules,
            stores.Values.Select(s => new StoreInput(s.Id, s.Marketplace, s.Name)),
            storeSkuInputs,
            merchantInputs,
            levelInputs,
            preOrders);
        return new TenantData(snapshot, stores, storeSkus, states);
    }

    /// <summary>
    /// The store SKUs with their push states (a state exists only for a store SKU the read model has), untracked,
    /// in one query compiled once: every recompute runs it, and a LINQ query walks and hashes its expression tree on each run.
    /// </summary>
    static readonly Func<PushDbContext, Guid, List<Guid>, IAsyncEnumerable<SkuWithState>> StoreSkusWithStates = EF.CompileAsyncQuery(
        (PushDbContext db, Guid tenantId, List<Guid> ids) =>
            from k in db.StoreSkus.AsNoTracking()
            where k.TenantId == tenantId && ids.Contains(k.Id)
            join p in db.States on k.Id equals p.StoreSkuId into kStates
            from p in kStates.DefaultIfEmpty()
            select new SkuWithState(k, p));

    sealed record SkuWithState(StoreSku Sku, PushState? State);

    /// <summary>
    /// The rows as the caller's unit of work will leave them: what the database holds, overlaid with the
    /// entities the caller added or changed in this context but has not saved yet (the trigger's own change).
    /// </summary>
    static List<T> WithLocal<T, TKey>(List<T> stored, IEnumerable<T> local, Func<T, bool> filter, Func<T, TKey> key)
        where TKey : notnull
    {
        var byKey = stored.ToDictionary(key);
        foreach (var entity in local.Where(filter))
        {
            byKey[key(entity)] = entity;
        }

        return [.. byKey.Values];
    }

    /// <summary>
    /// Tracks the states read: where the context already tracks one (the unit's own work loaded or changed it),
    /// that instance takes the read one's place; the others are attached unchanged. The local view is taken once:
    /// each access detects the changes of everything tracked.
    /// </summary>
    static void Track(PushDbContext db, Dictionary<Guid, PushState> states)
    {
        var local = db.States.Local;
        foreach (var read in states.Values.ToList())
        {
            if (local.FindEntry(read.StoreSkuId) is { } entry)
            {
                states[read.StoreSkuId] = entry.Entity;
            }
            else
            {
                db.States.Attach(read);
            }
        }
    }

    /// <summary>What a unit of work already read, so the snapshot does not read it again.</summary>
    /// <param name="Mappings">Every mapping of the store SKUs to recompute and of their merchant SKUs (<see cref="MappedToAsync"/>).</param>
    /// <param name="LevelSkuIds">Merchant SKUs whose levels (every warehouse) are tracked in the context.</param>
    /// <param name="Catalog">The tenant's catalog, current as of the unit's start: merchant SKUs, rules and stores are taken from it.</param>
    public sealed record Preloaded(IReadOnlyList<SkuMapping>? Mappings, IReadOnlySet<Guid>? LevelSkuIds, TenantCatalog? Catalog = null);

    static Dictionary<Guid, MerchantSku> Known(IReadOnlyDictionary<Guid, MerchantSku> merchantSkus, IEnumerable<Guid> ids) =>
        ids.Select(merchantSkus.GetValueOrDefault).OfType<MerchantSku>().ToDictionary(m => m.Id);

    static string? MappedCode(SkuMapping? mapping, Dictionary<Guid, string> codeOf) =>
        mapping?.MerchantSkuId is not { } id ? null : codeOf.GetValueOrDefault(id, mapping.MerchantSkuCode ?? id.ToString());
}
