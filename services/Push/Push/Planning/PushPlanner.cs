using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Microsoft.Extensions.Logging;
using PushInventory.Contracts;
using PushInventory.Push.Dispatch;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Push.Planning;

/// <summary>
/// Turns triggers into desired state. One unit of work: the caller's read-model change, the engine's
/// decisions for the affected store SKUs, new Pending records (an older Pending one not yet sent becomes
/// Skipped, "superseded by a newer computation") and the push states, saved once. Serialised per tenant in
/// this process, and on PostgreSQL across instances too; a conflict with another writer redoes the whole unit.
/// </summary>
internal sealed partial class PushPlanner(
    IDbContextFactory<PushDbContext> contexts,
    TenantLocks locks,
    DispatchSignal signal,
    TimeProvider time,
    ILogger<PushPlanner> logger)
{
    internal const string Superseded = "superseded by a newer computation";
    const int MaxConflictRetries = 10;

    /// <summary>
    /// Runs <paramref name="work"/> (which changes read models and names the store SKUs to recompute, or
    /// returns null), recomputes them and saves everything at once.
    /// </summary>
    public async Task<PlanResult> RunAsync(Guid tenantId, Func<PlanUnit, CancellationToken, Task<Trigger?>> work, CancellationToken cancellationToken)
    {
        var gate = locks.For(tenantId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                try
                {
                    var result = db.Database.IsNpgsql()
                        ? await UnderTenantLockAsync(db, tenantId, work, cancellationToken)
                        : await UnitAsync(db, tenantId, work, cancellationToken);
                    if (result.Queued > 0)
                    {
                        signal.Committed();
                    }

                    return result;
                }
                catch (Exception ex) when (ex is DbUpdateException or DbException && attempt < MaxConflictRetries)
                {
                    LogConflict(logger, ex, tenantId, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), time, cancellationToken);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// On PostgreSQL the unit runs in one transaction holding the tenant's advisory lock, so recomputes of one
    /// tenant are serialised across Push instances too, reads included. The states' stamps alone catch two
    /// recomputes writing the same state, but not one that read what another was changing: a bundle whose two
    /// components change at once on two instances would otherwise be computed from the new level of one and
    /// the old level of the other by whichever saves second, when the first found its own result unchanged
    /// and wrote nothing, and that stale quantity would be pushed.
    /// <para>The unit's first read, the tenant's settings, goes to the database with the lock, in one batch.</para>
    /// </summary>
    Task<PlanResult> UnderTenantLockAsync(PushDbContext db, Guid tenantId, Func<PlanUnit, CancellationToken, Task<Trigger?>> work, CancellationToken cancellationToken) =>
        TenantTransaction.RunAsync(
            db,
            AdvisoryLockKind,
            tenantId,
            () => new NpgsqlBatchCommand(SettingsSelect(db)) { Parameters = { new() { Value = tenantId } } },
            (reader, ct) => ReadSettingsAsync(reader, tenantId, ct),
            (settings, ct) => UnitAsync(db, tenantId, work, settings, ct),
            cancellationToken);

    /// <summary>The tenant's settings from <see cref="SettingsSelect"/>'s result (null if none yet).</summary>
    static async Task<TenantSettings?> ReadSettingsAsync(DbDataReader reader, Guid tenantId, CancellationToken cancellationToken) =>
        await reader.ReadAsync(cancellationToken)
            ? new TenantSettings
            {
                TenantId = tenantId,
                Plan = Enum.Parse<Plan>(reader.GetString(0)),
                InventoryFeaturesEnabled = reader.GetBoolean(1),
                Version = reader.GetInt64(2),
                CatalogStamp = reader.GetGuid(3),
            }
            : null;

    static string? settingsSelect;

    /// <summary>The settings read (<see cref="ReadSettingsAsync"/> takes its columns in this order), from the model's table and column names.</summary>
    static string SettingsSelect(PushDbContext db)
    {
        if (settingsSelect is { } known)
        {
            return known;
        }

        var type = db.Model.FindEntityType(typeof(TenantSettings))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        string Column(string property) => $"\"{type.FindProperty(property)!.GetColumnName(table)}\"";
        return settingsSelect =
            $"SELECT {Column(nameof(TenantSettings.Plan))}, {Column(nameof(TenantSettings.InventoryFeaturesEnabled))}, {Column(nameof(TenantSettings.Version))}, {Column(nameof(TenantSettings.CatalogStamp))} "
            + $"FROM \"{table.Name}\" WHERE {Column(nameof(TenantSettings.TenantId))} = $1";
    }

    /// <summary>The first key of the planner's advisory locks (the second is the tenant's), apart from any other use of them.</summary>
    const int AdvisoryLockKind = 0x50555348;

    /// <summary>The unit on SQLite: its transaction is the save's, and the file's write lock serialises it.</summary>
    async Task<PlanResult> UnitAsync(PushDbContext db, Guid tenantId, Func<PlanUnit, CancellationToken, Task<Trigger?>> work, CancellationToken cancellationToken) =>
        await UnitAsync(db, tenantId, work, await db.TenantSettings.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == tenantId, cancellationToken), cancellationToken);

    /// <summary>
    /// The unit, from the tenant's <paramref name="settings"/>: read first, since the catalog stamp must be read
    /// before anything it vouches for (<see cref="TenantCatalog"/>).
    /// </summary>
    async Task<PlanResult> UnitAsync(PushDbContext db, Guid tenantId, Func<PlanUnit, CancellationToken, Task<Trigger?>> work, TenantSettings? settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var started = Stopwatch.GetTimestamp();
        var trigger = await work(new PlanUnit(db, now, settings), cancellationToken);
        var worked = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var writes = new RecordWrites();
        var result = trigger is null ? PlanResult.None : await RecomputeAsync(db, tenantId, settings?.Plan ?? Plan.Free, trigger, now, writes, cancellationToken);
        var computed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        // Read models, states and jobs through the change tracker (a state's stamp guards against other
        // instances); the records, one or two per store SKU, set-based and in bulk.
        await db.SaveChangesWithBulkAsync(ct => writes.ApplyAsync(db, now, ct), cancellationToken);
        LogTimings(logger, tenantId, trigger?.StoreSkuIds.Count ?? 0, worked, computed - worked, Stopwatch.GetElapsedTime(started).TotalMilliseconds - computed);
        return result;
    }

    async Task<PlanResult> RecomputeAsync(PushDbContext db, Guid tenantId, Plan plan, Trigger trigger, DateTime now, RecordWrites writes, CancellationToken cancellationToken)
    {
        var job = trigger.JobId is { } jobId ? await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId && j.TenantId == tenantId, cancellationToken) : null;
        if (trigger.StoreSkuIds.Count == 0)
        {
            MarkPlanned(job, 0);
            return PlanResult.None;
        }

        var data = await SnapshotLoader.LoadAsync(db, tenantId, plan, trigger.StoreSkuIds, trackStates: true, cancellationToken, trigger.Preloaded);
        var decisions = PushEngine.Decide(data.Snapshot, trigger.StoreSkuIds.Distinct());

        var traceId = Activity.Current?.TraceId.ToString();
        int queued = 0, skipped = 0, unchanged = 0, jobRecords = 0;
        foreach (var decision in decisions)
        {
            var state = data.States.GetValueOrDefault(decision.StoreSkuId);
            if (!decision.Pushes)
            {
                if (Supersede(state, writes))
                {
                    skipped++;
                }

                if (trigger.RecordsNoPush)
                {
                    var record = NewRecord(tenantId, decision, data, state, trigger, traceId, now);
                    record.Skip(NoPushNote(decision), now);
                    writes.New.Add(record);
                    skipped++;
                    jobRecords++;
                }

                continue;
            }

            if (!trigger.Force && state is not null && AlreadyThere(state, decision))
            {
                unchanged++;
                continue;
            }

            if (Supersede(state, writes))
            {
                skipped++;
            }

            var stored = state is not null;
            if (state is null)
            {
                state = new PushState { StoreSkuId = decision.StoreSkuId, TenantId = tenantId, StoreId = decision.StoreId };
                db.States.Add(state);
            }

            var pending = NewRecord(tenantId, decision, data, state, trigger, traceId, now);
            pending.DesiredVersion = state.DesiredVersion + 1;
            writes.New.Add(pending);
            state.StoreId = decision.StoreId;
            state.DesiredQuantity = decision.Quantity;
            state.DesiredPreOrder = decision.PreOrder;
            state.DesiredDaysToShip = decision.DaysToShip;
            state.DesiredInPreOrder = decision.InPreOrder;
            state.DesiredVersion = pending.DesiredVersion;
            state.PendingRecordId = pending.Id;
            state.NextAttemptAt = now;
            state.Attempts = 0;

            // Written even where the value read is the same: a settle saved meanwhile may have counted an attempt
            // of the push this one supersedes (settles do not change the stamp, so this save does not conflict).
            if (stored)
            {
                db.Entry(state).Property(s => s.Attempts).IsModified = true;
            }
            state.TriggeredAt = trigger.OccurredAt == default ? now : trigger.OccurredAt;
            state.Stamp = Guid.NewGuid();
            queued++;
            jobRecords++;
        }

        MarkPlanned(job, jobRecords);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogRecomputed(logger, tenantId, trigger.Reason, decisions.Count, queued, skipped, unchanged, string.Join(",", decisions.Where(d => !d.Pushes).Select(d => d.NoPushReason)));
        }

        return new PlanResult(queued, skipped, unchanged);
    }

    static void MarkPlanned(PushJob? job, int total)
    {
        if (job is not null)
        {
            job.Planned = true;
            job.Total = total;
        }
    }

    /// <summary>The decision equals what is pending, or (nothing pending) what was last pushed successfully.</summary>
    static bool AlreadyThere(PushState state, PushDecision decision)
    {
        if (state.PendingRecordId is not null)
        {
            return state.DesiredQuantity == decision.Quantity && state.DesiredPreOrder == decision.PreOrder && state.DesiredDaysToShip == decision.DaysToShip;
        }

        return state.LastPushedQuantity == decision.Quantity
            && (decision.PreOrder is null || state.LastPushedPreOrder == decision.PreOrder)
            && state.InPreOrder == decision.InPreOrder;
    }

    /// <summary>Marks the state's Pending record (not yet sent) Skipped and clears the pending push.</summary>
    static bool Supersede(PushState? state, RecordWrites writes)
    {
        if (state?.PendingRecordId is not { } recordId)
        {
            return false;
        }

        writes.SupersededIds.Add(recordId);
        state.ClearPending();
        state.Stamp = Guid.NewGuid();
        PushMetrics.Superseded.Add(1);
        return true;
    }

    static PushRecord NewRecord(Guid tenantId, PushDecision decision, TenantData data, PushState? state, Trigger trigger, string? traceId, DateTime now)
    {
        var store = data.Stores.GetValueOrDefault(decision.StoreId);
        var sku = data.StoreSkus.GetValueOrDefault(decision.StoreSkuId);
        var before = state?.LastPushedQuantity;
        return new PushRecord
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            CreatedAt = now,
            StoreId = sku?.StoreId ?? decision.StoreId,
            StoreName = store?.Name,
            Marketplace = store?.Marketplace ?? sku?.Marketplace,
            StoreSkuId = decision.StoreSkuId,
            SellerSku = sku?.SellerSku,
            MerchantSkuCode = decision.MerchantSkuCode,
            NormalizedMerchantSkuCode = decision.MerchantSkuCode is { } code ? Codes.Normalize(code) : null,
            RuleId = decision.RuleId,
            RuleName = decision.RuleName,
            Warehouses = [.. decision.Warehouses],
            Available = decision.Available,
            QuantityBefore = before,
            Change = decision.Quantity is { } quantity && before is { } b ? quantity - b : null,
            Quantity = decision.Quantity,
            PreOrder = decision.PreOrder,
            DaysToShip = decision.DaysToShip,
            Reason = trigger.Reason,
            Status = PushStatus.Pending,
            TraceId = traceId,
            JobId = trigger.JobId,
        };
    }

    static string NoPushNote(PushDecision decision)
    {
        var text = decision.Steps.Count > 0 ? decision.Steps[0].Text : "";
        var note = $"{decision.NoPushReason}: {text}";
        return note.Length > 500 ? note[..500] : note;
    }

    /// <summary>The records a recompute writes: new ones (Pending, or Skipped with the reason), and the Pending ones it superseded.</summary>
    sealed class RecordWrites
    {
        public List<PushRecord> New { get; } = [];
        public List<Guid> SupersededIds { get; } = [];

        public async Task ApplyAsync(PushDbContext db, DateTime now, CancellationToken cancellationToken)
        {
            if (SupersededIds.Count > 0)
            {
                // Only records still Pending: one the dispatcher sent meanwhile keeps its outcome.
                await db.Records
                    .Where(r => SupersededIds.Contains(r.Id) && r.Status == PushStatus.Pending)
                    .ExecuteUpdateAsync(
                        u => u.SetProperty(r => r.Status, PushStatus.Skipped).SetProperty(r => r.Note, Superseded).SetProperty(r => r.CompletedAt, now),
                        cancellationToken);
            }

            await db.BulkInsertAsync(New, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recomputed {Decisions} store SKUs of tenant {TenantId} ({Reason}): {Queued} queued, {Skipped} skipped, {Unchanged} unchanged; no push: {NoPush}")]
    static partial void LogRecomputed(ILogger logger, Guid tenantId, TriggerReason reason, int decisions, int queued, int skipped, int unchanged, string noPush);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recompute of tenant {TenantId}, {StoreSkus} store SKUs: trigger's work {Work} ms, recompute {Recompute} ms, save {Save} ms")]
    static partial void LogTimings(ILogger logger, Guid tenantId, int storeSkus, double work, double recompute, double save);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recompute of tenant {TenantId} met a concurrent change, attempt {Attempt}; redoing it")]
    static partial void LogConflict(ILogger logger, Exception ex, Guid tenantId, int attempt);
}
