using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.Stock.Domain;
using PushInventory.Stock.Persistence;

namespace PushInventory.Stock;

/// <summary>
/// Applies a batch of movements in one transaction: each movement applied, a duplicate, or rejected with
/// its reason; a <see cref="StockChanged"/> per change (and per bundle whose availability moved) goes to
/// the outbox in the same save. Batches of one tenant are applied one at a time within a process; two
/// writers of one level in different processes meet on the level's version: the loser's batch is worked
/// out again on fresh state, so no update is lost.
/// </summary>
internal sealed partial class MovementProcessor(IDbContextFactory<StockDbContext> contexts, TimeProvider time, ILogger<MovementProcessor> logger)
{
    const int MaxConflictRetries = 20;
    readonly ConcurrentDictionary<Guid, SemaphoreSlim> _tenantGates = new();

    public async Task<IReadOnlyList<MovementResult>> ApplyAsync(Guid tenantId, IReadOnlyList<StockMovement> movements, CancellationToken cancellationToken)
    {
        var gate = _tenantGates.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var results = await ApplyOnceAsync(db, tenantId, movements, cancellationToken);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return results;
                }
                catch (DbUpdateException ex) when (attempt < MaxConflictRetries)
                {
                    // Another Stock instance changed one of our levels (or created it, or applied one of our ids) first.
                    LogConflict(logger, ex, tenantId, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), time, cancellationToken);
                }
                catch (DbUpdateException ex)
                {
                    throw new StockBusyException(ex);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    async Task<List<MovementResult>> ApplyOnceAsync(StockDbContext db, Guid tenantId, IReadOnlyList<StockMovement> movements, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = movements.Where(m => !string.IsNullOrWhiteSpace(m?.Id)).Select(m => m.Id.Trim()).Distinct().ToList();
        var skuCodes = movements.Where(m => !string.IsNullOrWhiteSpace(m?.MerchantSkuCode)).Select(m => Codes.Normalize(m.MerchantSkuCode)).Distinct().ToList();
        var warehouseCodes = movements.Where(m => !string.IsNullOrWhiteSpace(m?.WarehouseCode)).Select(m => Codes.Normalize(m.WarehouseCode)).Distinct().ToList();

        var applied = (await db.AppliedMovements.AsNoTracking()
            .Where(a => a.TenantId == tenantId && ids.Contains(a.MovementId))
            .Select(a => a.MovementId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var warehouses = await db.Warehouses.AsNoTracking()
            .Where(w => w.TenantId == tenantId && warehouseCodes.Contains(w.NormalizedCode))
            .ToDictionaryAsync(w => w.NormalizedCode, StringComparer.Ordinal, cancellationToken);
        var skus = (await db.MerchantSkus.AsNoTracking()
            .Where(s => s.TenantId == tenantId && !s.Deleted && skuCodes.Contains(s.NormalizedCode))
            .ToListAsync(cancellationToken))
            .DistinctBy(s => s.NormalizedCode)
            .ToDictionary(s => s.NormalizedCode, StringComparer.Ordinal);
        var skuIds = skus.Values.Select(s => s.Id).ToList();
        var warehouseIds = warehouses.Values.Select(w => w.Id).ToList();
        var levels = await db.Levels
            .Where(l => l.TenantId == tenantId && skuIds.Contains(l.MerchantSkuId) && warehouseIds.Contains(l.WarehouseId))
            .ToDictionaryAsync(l => (l.MerchantSkuId, l.WarehouseId), cancellationToken);

        var results = new List<MovementResult>(movements.Count);
        var touched = new HashSet<(Guid Sku, Guid Warehouse)>();
        foreach (var movement in movements)
        {
            var problem = MovementRules.Problems(movement).Select(p => p.Message).FirstOrDefault();
            if (problem is not null)
            {
                results.Add(new(movement?.Id ?? "", MovementStatus.Rejected, problem, null));
                continue;
            }

            var id = movement!.Id.Trim();
            if (!applied.Add(id))
            {
                results.Add(new(id, MovementStatus.Duplicate, "this movement id was already applied", null));
                continue;
            }

            if (!warehouses.TryGetValue(Codes.Normalize(movement.WarehouseCode), out var warehouse))
            {
                applied.Remove(id);
                results.Add(new(id, MovementStatus.Rejected, $"unknown warehouse code '{movement.WarehouseCode.Trim()}'", null));
                continue;
            }

            if (!skus.TryGetValue(Codes.Normalize(movement.MerchantSkuCode), out var sku))
            {
                applied.Remove(id);
                results.Add(new(id, MovementStatus.Rejected, $"unknown merchant SKU code '{movement.MerchantSkuCode.Trim()}'", null));
                continue;
            }

            if (sku.IsBundle)
            {
                applied.Remove(id);
                results.Add(new(id, MovementStatus.Rejected, $"'{sku.Code}' is a bundle: its stock follows its components, move those instead", null));
                continue;
            }

            if (!levels.TryGetValue((sku.Id, warehouse.Id), out var level))
            {
                level = new StockLevel { TenantId = tenantId, MerchantSkuId = sku.Id, WarehouseId = warehouse.Id, UpdatedAt = now };
                levels[(sku.Id, warehouse.Id)] = level;
                db.Levels.Add(level);
            }

            var refusal = level.Apply(movement.Kind, movement.Quantity, now);
            if (refusal is not null)
            {
                applied.Remove(id);
                results.Add(new(id, MovementStatus.Rejected, refusal, null));
                continue;
            }

            db.AppliedMovements.Add(new AppliedMovement { TenantId = tenantId, MovementId = id, MerchantSkuId = sku.Id, WarehouseId = warehouse.Id, LevelVersion = level.Version, AppliedAt = now });
            db.AddOutboxMessage(new StockChanged(tenantId, sku.Id, sku.Code, warehouse.Id, warehouse.Code, level.OnHand, level.Allocated, level.Available, level.Version, movement.Kind.ToString(), now), now);
            touched.Add((sku.Id, warehouse.Id));
            results.Add(new(id, MovementStatus.Applied, null, new LevelView(warehouse.Code, level.OnHand, level.Allocated, level.Available, level.Version)));
        }

        if (touched.Count > 0)
        {
            await BundleAvailability.RecomputeAsync(db, tenantId, touched, levels, now, cancellationToken);
        }

        return results;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Movement batch of tenant {TenantId} met a concurrent change, attempt {Attempt}; applying it again")]
    static partial void LogConflict(ILogger logger, Exception ex, Guid tenantId, int attempt);
}
