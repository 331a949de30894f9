using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.ServiceDefaults.Persistence;
using PushInventory.Stock.Domain;
using PushInventory.Stock.Persistence;

namespace PushInventory.Stock;

/// <summary>
/// Applies batches of movements in transactions: each movement applied, a duplicate, or rejected with its
/// reason; a <see cref="StockChanged"/> per change (and per bundle whose availability moved) goes to the
/// outbox in the same save, carried by <see cref="StockLevelsChanged"/> messages (one per group of up to 500 changes). Within a process a tenant's batches are applied one group at a time: batches that
/// arrive while a group is being saved wait and are then saved together (group commit), in arrival order, so
/// concurrent writers cost one transaction per group instead of one each and never conflict with each other.
/// Two writers of one level in different processes meet on the level's version: the loser's group is worked
/// out again on fresh state, so no update is lost.
/// </summary>
internal sealed partial class MovementProcessor
{
    const int MaxConflictRetries = 20;

    /// <summary>Movements saved in one transaction at most (a batch is never split).</summary>
    const int MaxGroupMovements = 2_000;

    readonly IDbContextFactory<StockDbContext> _contexts;
    readonly TimeProvider _time;
    readonly ILogger<MovementProcessor> _logger;
    readonly GroupCommit<Guid, StockMovement, MovementResult> _groups;

    public MovementProcessor(IDbContextFactory<StockDbContext> contexts, TimeProvider time, ILogger<MovementProcessor> logger)
    {
        _contexts = contexts;
        _time = time;
        _logger = logger;
        _groups = new(ApplyGroupAsync, MaxGroupMovements);
    }

    public Task<IReadOnlyList<MovementResult>> ApplyAsync(Guid tenantId, IReadOnlyList<StockMovement> movements, CancellationToken cancellationToken) =>
        _groups.SubmitAsync(tenantId, movements, cancellationToken);

    async Task<IReadOnlyList<MovementResult>> ApplyGroupAsync(Guid tenantId, List<StockMovement> movements)
    {
        var started = Stopwatch.GetTimestamp();
        // The first attempt does not read which ids were applied before: it relies on the applied ids' key, so a
        // movement sent again fails the save, and the attempts after that read them and answer it as a duplicate.
        var readApplied = false;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _contexts.CreateDbContextAsync();
            var applied = new List<AppliedMovement>();
            var events = new List<StockChanged>();
            var results = await ApplyOnceAsync(db, tenantId, movements, readApplied, applied, events, CancellationToken.None);
            var worked = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            try
            {
                // Levels through the change tracker (their version guards against another instance); the applied
                // ids, one row each per movement, in bulk; the changes as one StockLevelsChanged per 500.
                await db.SaveChangesWithBulkAsync(
                    async ct =>
                    {
                        await db.BulkInsertAsync(applied, ct);
                        await db.BulkAddOutboxMessagesAsync(StockLevelsChanged.Batches(tenantId, events), _time.GetUtcNow().UtcDateTime, ct);
                    },
                    CancellationToken.None);
                LogGroup(_logger, tenantId, movements.Count, attempt, worked, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return results;
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException && attempt < MaxConflictRetries)
            {
                LogConflict(_logger, ex, tenantId, attempt);
                if (!readApplied)
                {
                    // Most likely a movement id applied before: read them and go again at once.
                    readApplied = true;
                    continue;
                }

                // Another Stock instance changed one of our levels (or created it, or applied one of our ids) first.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), _time);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException)
            {
                throw new StockBusyException(ex);
            }
        }
    }

    async Task<List<MovementResult>> ApplyOnceAsync(StockDbContext db, Guid tenantId, List<StockMovement> movements, bool readApplied, List<AppliedMovement> appliedRows, List<StockChanged> events, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var ids = movements.Where(m => !string.IsNullOrWhiteSpace(m?.Id)).Select(m => m.Id.Trim()).Distinct().ToList();
        var skuCodes = movements.Where(m => !string.IsNullOrWhiteSpace(m?.MerchantSkuCode)).Select(m => Codes.Normalize(m.MerchantSkuCode)).Distinct().ToList();
        var warehouseCodes = movements.Where(m => !string.IsNullOrWhiteSpace(m?.WarehouseCode)).Select(m => Codes.Normalize(m.WarehouseCode)).Distinct().ToList();

        var applied = readApplied
            ? (await db.AppliedMovements.AsNoTracking()
                .Where(a => a.TenantId == tenantId && ids.Contains(a.MovementId))
                .Select(a => a.MovementId)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var (skus, warehouses, levels, components) = await ReadCatalogAsync(db, tenantId, skuCodes, warehouseCodes, cancellationToken);

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
            }

            var refusal = level.Apply(movement.Kind, movement.Quantity, now);
            if (refusal is not null)
            {
                applied.Remove(id);
                results.Add(new(id, MovementStatus.Rejected, refusal, null));
                continue;
            }

            // A level is stored only once a movement applies to it, so a rejected first movement leaves no empty level behind.
            if (db.Entry(level).State == EntityState.Detached)
            {
                db.Levels.Add(level);
            }

            appliedRows.Add(new AppliedMovement { TenantId = tenantId, MovementId = id, MerchantSkuId = sku.Id, WarehouseId = warehouse.Id, LevelVersion = level.Version, AppliedAt = now });
            events.Add(new StockChanged(tenantId, sku.Id, sku.Code, warehouse.Id, warehouse.Code, level.OnHand, level.Allocated, level.Available, level.Version, movement.Kind.ToString(), now));
            touched.Add((sku.Id, warehouse.Id));
            results.Add(new(id, MovementStatus.Applied, null, new LevelView(warehouse.Code, level.OnHand, level.Allocated, level.Available, level.Version)));
        }

        // Every touched pair was a row of the query, so its SKU's membership in a bundle is known.
        if (touched.Any(t => components.Contains(t.Sku)))
        {
            await BundleAvailability.RecomputeAsync(db, tenantId, touched, levels, events, now, cancellationToken);
        }

        return results;
    }

    /// <summary>
    /// The SKUs and warehouses the group names (by normalised code), their levels (tracked), and which SKUs are a
    /// bundle's component, in one query: a row per known (SKU, warehouse) pair. One row is enough for the rows to
    /// name every known SKU (paired with its warehouse) and every known warehouse (paired with its SKU); only when
    /// there is none are they read apart, so a movement's rejection can say which of its codes is unknown.
    /// </summary>
    static async Task<(Dictionary<string, MerchantSku> Skus, Dictionary<string, Warehouse> Warehouses, Dictionary<(Guid, Guid), StockLevel> Levels, HashSet<Guid> Components)> ReadCatalogAsync(
        StockDbContext db, Guid tenantId, List<string> skuCodes, List<string> warehouseCodes, CancellationToken cancellationToken)
    {
        var pairs = await CatalogRows(db, tenantId, skuCodes, warehouseCodes).ToListAsync(cancellationToken);
        var skus = new Dictionary<string, MerchantSku>(StringComparer.Ordinal);
        var warehouses = new Dictionary<string, Warehouse>(StringComparer.Ordinal);
        var levels = new Dictionary<(Guid, Guid), StockLevel>();
        var components = new HashSet<Guid>();
        foreach (var pair in pairs)
        {
            skus.TryAdd(pair.Sku.NormalizedCode, pair.Sku);
            warehouses.TryAdd(pair.Warehouse.NormalizedCode, pair.Warehouse);
            if (pair.Level is not null)
            {
                levels[(pair.Level.MerchantSkuId, pair.Level.WarehouseId)] = pair.Level;
            }

            if (pair.Component)
            {
                components.Add(pair.Sku.Id);
            }
        }

        if (pairs.Count == 0 && skuCodes.Count > 0 && warehouseCodes.Count > 0)
        {
            warehouses = await db.Warehouses.AsNoTracking()
                .Where(w => w.TenantId == tenantId && warehouseCodes.Contains(w.NormalizedCode))
                .ToDictionaryAsync(w => w.NormalizedCode, StringComparer.Ordinal, cancellationToken);
            foreach (var sku in await db.MerchantSkus.AsNoTracking()
                .Where(s => s.TenantId == tenantId && !s.Deleted && skuCodes.Contains(s.NormalizedCode))
                .ToListAsync(cancellationToken))
            {
                skus.TryAdd(sku.NormalizedCode, sku);
            }
        }

        return (skus, warehouses, levels, components);
    }

    /// <summary>
    /// <see cref="ReadCatalogAsync"/>'s query, compiled once: every group runs it, and as a LINQ query each run
    /// walked and hashed its expression tree to find the cached plan and extract the parameters, about a tenth
    /// of the host's CPU under load.
    /// </summary>
    static readonly Func<StockDbContext, Guid, List<string>, List<string>, IAsyncEnumerable<CatalogRow>> CatalogRows = EF.CompileAsyncQuery(
        (StockDbContext db, Guid tenantId, List<string> skuCodes, List<string> warehouseCodes) =>
            from s in db.MerchantSkus
            where s.TenantId == tenantId && !s.Deleted && skuCodes.Contains(s.NormalizedCode)
            from w in db.Warehouses
            where w.TenantId == tenantId && warehouseCodes.Contains(w.NormalizedCode)
            from l in db.Levels.Where(l => l.TenantId == tenantId && l.MerchantSkuId == s.Id && l.WarehouseId == w.Id).DefaultIfEmpty()
            select new CatalogRow(
                new MerchantSku { Id = s.Id, TenantId = s.TenantId, Code = s.Code, NormalizedCode = s.NormalizedCode, IsBundle = s.IsBundle },
                new Warehouse { Id = w.Id, TenantId = w.TenantId, Code = w.Code, NormalizedCode = w.NormalizedCode, Name = w.Name },
                l,
                db.BundleComponents.Any(c => c.TenantId == tenantId && c.ComponentId == s.Id)));

    /// <summary>A known (SKU, warehouse) pair of a group, its level (tracked; null if none yet), and whether the SKU is a bundle's component.</summary>
    sealed record CatalogRow(MerchantSku Sku, Warehouse Warehouse, StockLevel? Level, bool Component);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied a group of {Movements} movements of tenant {TenantId} in {Milliseconds} ms ({Worked} ms before saving; attempt {Attempt})")]
    static partial void LogGroup(ILogger logger, Guid tenantId, int movements, int attempt, double worked, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Movement batch of tenant {TenantId} met a movement applied before or a concurrent change, attempt {Attempt}; applying it again")]
    static partial void LogConflict(ILogger logger, Exception ex, Guid tenantId, int attempt);
}
