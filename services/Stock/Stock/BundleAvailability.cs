using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Stock.Domain;
using PushInventory.Stock.Persistence;

namespace PushInventory.Stock;

/// <summary>
/// A bundle's availability per warehouse is floor(min over components of available / quantity); a component
/// with no level there counts 0. When it moves, the bundle's own level changes version, and the change is
/// added to the caller's list of changes to publish with the same save.
/// </summary>
internal static class BundleAvailability
{
    /// <summary>Recomputes every bundle that contains one of the touched components, in the touched warehouses.</summary>
    public static async Task RecomputeAsync(StockDbContext db, Guid tenantId, IReadOnlySet<(Guid Sku, Guid Warehouse)> touched, Dictionary<(Guid, Guid), StockLevel> knownLevels, List<StockChanged> changes, DateTime now, CancellationToken cancellationToken)
    {
        var componentIds = touched.Select(t => t.Sku).Distinct().ToList();
        var bundleIds = await db.BundleComponents.AsNoTracking()
            .Where(c => c.TenantId == tenantId && componentIds.Contains(c.ComponentId))
            .Select(c => c.BundleId)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (bundleIds.Count == 0)
        {
            return;
        }

        var bundles = await db.MerchantSkus.AsNoTracking().Include(b => b.Components)
            .Where(b => bundleIds.Contains(b.Id) && !b.Deleted)
            .ToListAsync(cancellationToken);
        var targets = new List<(MerchantSku Bundle, Guid Warehouse)>();
        foreach (var bundle in bundles)
        {
            foreach (var warehouse in touched.Where(t => bundle.Components.Any(c => c.ComponentId == t.Sku)).Select(t => t.Warehouse).Distinct())
            {
                targets.Add((bundle, warehouse));
            }
        }

        await UpdateAsync(db, tenantId, targets, knownLevels, changes, now, cancellationToken);
    }

    /// <summary>Recomputes one bundle in every warehouse where one of its components has a level.</summary>
    public static async Task RecomputeBundleAsync(StockDbContext db, MerchantSku bundle, List<StockChanged> changes, DateTime now, CancellationToken cancellationToken)
    {
        var componentIds = bundle.Components.Select(c => c.ComponentId).ToList();
        var warehouses = await db.Levels.AsNoTracking()
            .Where(l => l.TenantId == bundle.TenantId && componentIds.Contains(l.MerchantSkuId))
            .Select(l => l.WarehouseId)
            .Union(db.BundleLevels.Where(b => b.TenantId == bundle.TenantId && b.BundleId == bundle.Id).Select(b => b.WarehouseId))
            .Distinct()
            .ToListAsync(cancellationToken);
        await UpdateAsync(db, bundle.TenantId, warehouses.Select(w => (bundle, w)).ToList(), [], changes, now, cancellationToken);
    }

    static async Task UpdateAsync(StockDbContext db, Guid tenantId, List<(MerchantSku Bundle, Guid Warehouse)> targets, Dictionary<(Guid, Guid), StockLevel> knownLevels, List<StockChanged> changes, DateTime now, CancellationToken cancellationToken)
    {
        if (targets.Count == 0)
        {
            return;
        }

        var componentIds = targets.SelectMany(t => t.Bundle.Components.Select(c => c.ComponentId)).Distinct().ToList();
        var warehouseIds = targets.Select(t => t.Warehouse).Distinct().ToList();
        var bundleIds = targets.Select(t => t.Bundle.Id).Distinct().ToList();
        var stored = await db.Levels.AsNoTracking()
            .Where(l => l.TenantId == tenantId && componentIds.Contains(l.MerchantSkuId) && warehouseIds.Contains(l.WarehouseId))
            .ToListAsync(cancellationToken);
        var available = stored.ToDictionary(l => (l.MerchantSkuId, l.WarehouseId), l => l.Available);
        foreach (var (key, level) in knownLevels)
        {
            available[key] = level.Available;
        }

        var bundleLevels = await db.BundleLevels
            .Where(b => b.TenantId == tenantId && bundleIds.Contains(b.BundleId) && warehouseIds.Contains(b.WarehouseId))
            .ToDictionaryAsync(b => (b.BundleId, b.WarehouseId), cancellationToken);
        var codes = await db.Warehouses.AsNoTracking()
            .Where(w => warehouseIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Code, cancellationToken);

        foreach (var (bundle, warehouseId) in targets)
        {
            var quantity = bundle.Components.Count == 0
                ? 0
                : bundle.Components.Min(c => Math.Max(0, available.GetValueOrDefault((c.ComponentId, warehouseId))) / Math.Max(1, c.Quantity));
            if (!bundleLevels.TryGetValue((bundle.Id, warehouseId), out var level))
            {
                level = new BundleLevel { TenantId = tenantId, BundleId = bundle.Id, WarehouseId = warehouseId, Available = -1 };
                bundleLevels[(bundle.Id, warehouseId)] = level;
                db.BundleLevels.Add(level);
            }

            if (level.Available == quantity)
            {
                continue;
            }

            level.Available = quantity;
            level.Version++;
            level.UpdatedAt = now;
            changes.Add(new StockChanged(tenantId, bundle.Id, bundle.Code, warehouseId, codes.GetValueOrDefault(warehouseId, ""), quantity, 0, quantity, level.Version, "BundleComponentChanged", now));
        }
    }
}
