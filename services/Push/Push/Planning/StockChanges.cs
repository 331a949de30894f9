using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Push.Planning;

/// <summary>
/// Applies stock changes to the level read model and recomputes every store SKU mapped to a changed merchant
/// SKU (or to a bundle containing one). A tenant's changes are group-committed: whatever arrived while the
/// previous group was being worked on is applied together, newest version per level only, as one recompute
/// in one transaction. An idle tenant's change is applied at once; under a burst the groups grow, so a
/// busy SKU coalesces to its newest level before anything is computed and the cost per change falls.
/// </summary>
internal sealed partial class StockChanges
{
    /// <summary>Changes applied in one group at most (a consumer's batch is never split).</summary>
    public const int MaxGroupChanges = 5_000;

    readonly PushPlanner _planner;
    readonly CatalogCache _catalogs;
    readonly ILogger<StockChanges> _logger;
    readonly GroupCommit<Guid, StockChanged, bool> _groups;

    public StockChanges(PushPlanner planner, CatalogCache catalogs, ILogger<StockChanges> logger)
    {
        _planner = planner;
        _catalogs = catalogs;
        _logger = logger;
        _groups = new(ApplyGroupAsync, MaxGroupChanges);
    }

    /// <summary>Applies <paramref name="changes"/> (all of one tenant) with the tenant's other waiting changes; returns once they are saved.</summary>
    public Task ApplyAsync(Guid tenantId, IReadOnlyList<StockChanged> changes, CancellationToken cancellationToken) =>
        _groups.SubmitAsync(tenantId, changes, cancellationToken);

    async Task<IReadOnlyList<bool>> ApplyGroupAsync(Guid tenantId, List<StockChanged> changes)
    {
        var started = Stopwatch.GetTimestamp();
        var newest = changes.NewestBy(m => (m.MerchantSkuId, m.WarehouseId), m => m.Version);
        var result = await _planner.RunAsync(tenantId, (unit, ct) => ApplyLevelsAsync(unit, tenantId, newest, ct), CancellationToken.None);
        LogGroup(_logger, tenantId, changes.Count, newest.Count, result.Queued, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new bool[changes.Count];
    }

    async Task<Trigger?> ApplyLevelsAsync(PlanUnit unit, Guid tenantId, List<StockChanged> changes, CancellationToken cancellationToken)
    {
        var db = unit.Db;
        var skuIds = changes.Select(c => c.MerchantSkuId).Distinct().ToList();
        var levels = await LevelsOf(db, tenantId, skuIds).ToDictionaryAsync(l => (l.MerchantSkuId, l.WarehouseId), cancellationToken: cancellationToken);
        var changed = new HashSet<Guid>();
        foreach (var message in changes)
        {
            if (levels.TryGetValue((message.MerchantSkuId, message.WarehouseId), out var level) && level.Version >= message.Version)
            {
                continue;
            }

            if (level is null)
            {
                level = new StockLevel { TenantId = tenantId, MerchantSkuId = message.MerchantSkuId, WarehouseId = message.WarehouseId, MerchantSkuCode = message.MerchantSkuCode, WarehouseCode = message.WarehouseCode };
                db.StockLevels.Add(level);
                levels[(message.MerchantSkuId, message.WarehouseId)] = level;
            }

            level.MerchantSkuCode = message.MerchantSkuCode.Trim();
            level.WarehouseCode = message.WarehouseCode.Trim();
            level.OnHand = message.OnHand;
            level.Allocated = message.Allocated;
            level.Available = message.Available;
            level.Version = message.Version;
            level.OccurredAt = message.OccurredAt;
            changed.Add(message.MerchantSkuId);
        }

        if (changed.Count == 0)
        {
            return null;
        }

        // The tenant's mappings, merchant SKUs, rules and stores from memory while its catalog is unchanged.
        var catalog = await _catalogs.GetAsync(db, tenantId, unit.Settings?.CatalogStamp, cancellationToken);
        var mappings = await SnapshotLoader.MappedToAsync(db, tenantId, changed, catalog, cancellationToken);

        // Latency is measured from the oldest change the group carries.
        return new Trigger(TriggerReason.StockChanged, [.. mappings.Select(m => m.StoreSkuId).Distinct()], changes.Where(c => changed.Contains(c.MerchantSkuId)).Min(c => c.OccurredAt))
        {
            Preloaded = new(mappings, skuIds.ToHashSet(), catalog),
        };
    }

    /// <summary>The levels of the merchant SKUs (tracked), compiled once: every group reads them, and a LINQ query walks and hashes its expression tree on each run.</summary>
    static readonly Func<PushDbContext, Guid, List<Guid>, IAsyncEnumerable<StockLevel>> LevelsOf = EF.CompileAsyncQuery(
        (PushDbContext db, Guid tenantId, List<Guid> skuIds) => db.StockLevels.Where(l => l.TenantId == tenantId && skuIds.Contains(l.MerchantSkuId)));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied a group of {Changes} stock changes ({Levels} levels) of tenant {TenantId}: {Queued} pushes queued in {Milliseconds} ms")]
    static partial void LogGroup(ILogger logger, Guid tenantId, int changes, int levels, int queued, double milliseconds);
}
