using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using PushInventory.Connectors;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;
using PushInventory.Push.Planning;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Push.Dispatch;

/// <summary>
/// Sends due pushes. Woken when a recompute commits, polling as the fallback. Each round takes the stores
/// with due pending states (of tenants whose Inventory Features are on), claims each store's lease, sends
/// that store's due states' CURRENT desired values in one connector call, and settles each store SKU:
/// only the version it sent, so a newer computation saved meanwhile stays pending and is sent next.
/// Stores are pushed in parallel, up to <see cref="PushOptions.MaxParallelStores"/>.
/// </summary>
internal sealed partial class PushDispatcher(
    IDbContextFactory<PushDbContext> contexts,
    IMarketplaceConnectors connectors,
    StoreCredentialsReader credentials,
    StoreLeases leases,
    TenantLocks locks,
    DispatchSignal signal,
    IOptions<PushOptions> options,
    IOptions<PersistenceOptions> persistence,
    TimeProvider time,
    ILogger<PushDispatcher> logger) : BackgroundService
{
    const int MaxSettleAttempts = 8;
    readonly PushOptions _options = options.Value;

    /// <summary>Each store pushed, with its unprotected target, at the version it was read.</summary>
    readonly ConcurrentDictionary<Guid, (Store Store, StoreTarget? Target)> _stores = new();

    // SQLite has one writer at a time, and a writer that finds the file locked waits on its thread: a settle
    // beside a recompute gains nothing there and only adds a waiter. So on SQLite a round is settled before
    // the next is read, under the tenant's lock, as the recomputes are.
    readonly bool _serialSettle = persistence.Value.Provider == PersistenceProvider.Sqlite;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wait = await RoundAsync(stoppingToken);
                if (wait > TimeSpan.Zero)
                {
                    await signal.WaitAsync(wait, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(logger, ex);
                await Task.Delay(_options.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One round over the stores with due pushes; returns how long to wait before the next (zero: go on).</summary>
    internal async Task<TimeSpan> RoundAsync(CancellationToken cancellationToken)
    {
        List<Guid> stores;
        var now = time.GetUtcNow().UtcDateTime;
        var owner = leases.Owner;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            stores = await (from s in db.States
                            join t in db.TenantSettings on s.TenantId equals t.TenantId
                            where s.NextAttemptAt != null && s.NextAttemptAt <= now && t.InventoryFeaturesEnabled
                            where !db.StoreLeases.Any(l => l.StoreId == s.StoreId && l.LeasedUntil > now && l.LeasedBy != owner)
                            select s.StoreId).Distinct().OrderBy(id => id).Take(_options.MaxParallelStores * 4).ToListAsync(cancellationToken);
            if (stores.Count == 0)
            {
                var next = await (from s in db.States
                                  join t in db.TenantSettings on s.TenantId equals t.TenantId
                                  where s.NextAttemptAt != null && t.InventoryFeaturesEnabled
                                  orderby s.NextAttemptAt
                                  select s.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
                var untilNext = next is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) - now : _options.PollInterval;
                return untilNext <= TimeSpan.Zero ? _options.PollInterval : untilNext < _options.PollInterval ? untilNext : _options.PollInterval;
            }
        }

        await Parallel.ForEachAsync(
            stores,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelStores, CancellationToken = cancellationToken },
            async (storeId, token) =>
            {
                if (!await leases.TryClaimAsync(storeId, _options.Lease, token))
                {
                    return;
                }

                using var renewal = CancellationTokenSource.CreateLinkedTokenSource(token);
                var renewing = RenewAsync(storeId, renewal.Token);
                var unsettled = new Unsettled();
                try
                {
                    await HoldAsync(storeId, unsettled, token);
                }
                finally
                {
                    // The lease is released only once everything sent under it is settled.
                    await unsettled.WhenSettledAsync();
                    await renewal.CancelAsync();
                    await renewing;
                    await leases.ReleaseAsync(storeId);
                }
            });
        return TimeSpan.Zero;
    }

    /// <summary>
    /// Pushes a claimed store round after round while it has due pushes: what is computed during a push is sent
    /// right after it, without another search for stores and another claim. After a round that took everything
    /// due, the store is read again only once a recompute of this instance commits (pushes committed before a
    /// round's read are in it); until then, and once nothing is due, the store is kept for
    /// <see cref="PushOptions.IdleStoreHold"/> more in case a commit brings it new pushes (under a steady
    /// stream of changes the next group is usually a few milliseconds away); at most for
    /// <see cref="PushOptions.MaxStoreHold"/> in all, then others may have it. Pushes another instance computed
    /// for a held store wait for the next read, or for the hold to end and the store to be found again.
    /// </summary>
    async Task HoldAsync(Guid storeId, Unsettled unsettled, CancellationToken cancellationToken)
    {
        var held = Stopwatch.StartNew();
        var lastPush = TimeSpan.Zero;
        while (held.Elapsed < _options.MaxStoreHold)
        {
            // Taken before the read: a commit after it wakes the wait below even if the read missed its pushes.
            var change = signal.NextChange;
            var pushed = await PushStoreAsync(storeId, unsettled, cancellationToken);
            if (pushed > 0)
            {
                lastPush = held.Elapsed;

                // Read again at once only if the round was full or a commit came since its read began: otherwise
                // the read would find nothing new.
                if (pushed >= _options.MaxSkusPerRound || change.IsCompleted)
                {
                    continue;
                }
            }

            var idleLeft = lastPush + _options.IdleStoreHold - held.Elapsed;
            if (idleLeft <= TimeSpan.Zero)
            {
                return;
            }

            await change.WaitAsync(idleLeft, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            if (!change.IsCompleted)
            {
                return;
            }
        }
    }

    async Task RenewAsync(Guid storeId, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.Lease / 3, time, cancellationToken);
                await leases.RenewAsync(storeId, _options.Lease, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The push ended.
        }
    }

    /// <summary>
    /// Sends one store's due pushes (at most <see cref="PushOptions.MaxSkusPerRound"/>; the next round takes the
    /// rest) and starts settling them; returns how many. The settle runs while the next round is read and sent,
    /// so a push computed meanwhile waits for one marketplace call, not also for the bookkeeping of the last one.
    /// What is still being settled is not sent again: the round skips the records <paramref name="unsettled"/>
    /// holds (a newer computation of the same store SKU has a new record and is sent). Settles run one at a time,
    /// in the order of the calls, so the last pushed values only move forward.
    /// </summary>
    async Task<int> PushStoreAsync(Guid storeId, Unsettled unsettled, CancellationToken cancellationToken)
    {
        Store? store = null;
        StoreTarget? target = null;
        List<(PushState State, StoreSku? Sku, string? MerchantSkuCode)> due;
        var started = Stopwatch.GetTimestamp();
        // Taken before the read: a record settled after this point is excluded all the same, one settled before
        // it is read as settled.
        var excluded = unsettled.RecordIds();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var rows = await DuePushes(db, storeId, now, _options.MaxSkusPerRound + excluded.Count).ToListAsync(cancellationToken);
            due = [.. rows.Where(r => !excluded.Contains(r.State.PendingRecordId!.Value)).Take(_options.MaxSkusPerRound).Select(r => (r.State, r.Sku, r.MerchantSkuCode))];
            if (due.Count > 0 && rows[0].StoreVersion is { } version)
            {
                (store, target) = await StoreAsync(db, storeId, version, cancellationToken);
            }
        }

        if (due.Count == 0)
        {
            await unsettled.WhenSettledAsync();
            return 0;
        }

        var sent = due.Select(d => new SentPush(d.State.TenantId, d.State.StoreId, d.State.StoreSkuId, d.MerchantSkuCode, d.State.DesiredVersion, d.State.PendingRecordId!.Value, d.State.DesiredQuantity ?? 0, d.State.DesiredPreOrder, d.State.DesiredInPreOrder, d.State.Attempts, d.State.TriggeredAt)).ToList();
        var results = new Dictionary<Guid, StockUpdateResult>();
        var updates = new List<StockUpdate>();
        foreach (var (push, (state, sku, _)) in sent.Zip(due))
        {
            if (store is null || store.Deleted)
            {
                results[push.StoreSkuId] = new(push.StoreSkuId, PushOutcome.PermanentFailure, "store_unknown", "The store is unknown or deleted.");
            }
            else if (sku is null || sku.Deleted)
            {
                results[push.StoreSkuId] = new(push.StoreSkuId, PushOutcome.PermanentFailure, "store_sku_unknown", "The store SKU is unknown or deleted.");
            }
            else if (target is null)
            {
                results[push.StoreSkuId] = new(push.StoreSkuId, PushOutcome.PermanentFailure, "credentials_unreadable", "The store's credentials cannot be read with this key ring.");
            }
            else
            {
                var preOrder = push.PreOrder is { } flag ? new PreOrderSetting(flag, flag ? state.DesiredDaysToShip ?? 0 : 0) : null;
                updates.Add(new StockUpdate(sku.Id, sku.SellerSku, sku.ItemId, sku.ModelId, sku.SkuId, sku.ProductId, sku.PlatformWarehouseIds, push.Quantity, preOrder));
            }
        }

        var read = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (updates.Count > 0 && store is not null && target is not null)
        {
            using var activity = Telemetry.Source.StartActivity("push store");
            activity?.SetTag("pushinventory.store_id", storeId);
            activity?.SetTag("pushinventory.marketplace", store.Marketplace.ToString());
            activity?.SetTag("pushinventory.store_skus", updates.Count);
            var answers = await connectors.For(store.Marketplace).PushAsync(target, updates, cancellationToken);
            foreach (var answer in answers)
            {
                results[answer.StoreSkuId] = answer;
            }
        }

        var calls = Stopwatch.GetElapsedTime(started).TotalMilliseconds - read;
        await unsettled.StartAsync(
            sent.Select(s => s.RecordId),
            async () =>
            {
                var settling = Stopwatch.GetTimestamp();
                var gate = _serialSettle ? locks.For(due[0].State.TenantId) : null;
                try
                {
                    if (gate is not null)
                    {
                        await gate.WaitAsync(cancellationToken);
                    }

                    await SettleAsync(store, sent, results, cancellationToken);
                    LogRound(logger, storeId, sent.Count, read, calls, Stopwatch.GetElapsedTime(settling).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The states stay pending and due, so the pushes are sent and settled again by a later round.
                    LogSettleFailed(logger, ex, storeId, sent.Count);
                }
                finally
                {
                    gate?.Release();
                }
            });
        if (_serialSettle)
        {
            await unsettled.WhenSettledAsync();
        }

        return sent.Count;
    }

    /// <summary>
    /// One store's sent pushes whose settle has not finished: their record ids, and the chain of settles (each
    /// starts when the one before it has finished). At most one settle runs while the next round is read and sent.
    /// </summary>
    sealed class Unsettled
    {
        readonly HashSet<Guid> _recordIds = [];
        Task _settling = Task.CompletedTask;

        public HashSet<Guid> RecordIds()
        {
            lock (_recordIds)
            {
                return [.. _recordIds];
            }
        }

        /// <summary>Waits for the previous settle, then starts <paramref name="settle"/> without waiting for it.</summary>
        public async Task StartAsync(IEnumerable<Guid> recordIds, Func<Task> settle)
        {
            var ids = recordIds.ToList();
            lock (_recordIds)
            {
                _recordIds.UnionWith(ids);
            }

            await WhenSettledAsync();
            _settling = RunAsync(ids, settle);
        }

        public Task WhenSettledAsync() => _settling;

        async Task RunAsync(List<Guid> ids, Func<Task> settle)
        {
            try
            {
                await settle();
            }
            finally
            {
                lock (_recordIds)
                {
                    _recordIds.ExceptWith(ids);
                }
            }
        }
    }

    /// <summary>
    /// The store and where to push it, as of <paramref name="version"/> (the round read it with its due pushes):
    /// from memory while the store is unchanged, so a round neither reads the store again nor unprotects its
    /// credentials every time.
    /// </summary>
    async Task<(Store? Store, StoreTarget? Target)> StoreAsync(PushDbContext db, Guid storeId, long version, CancellationToken cancellationToken)
    {
        if (_stores.TryGetValue(storeId, out var known) && known.Store.Version == version)
        {
            return known;
        }

        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        var target = store is { Deleted: false } ? Target(store) : null;
        if (store is not null && target is not null)
        {
            _stores[storeId] = (store, target);
        }
        else
        {
            _stores.TryRemove(storeId, out _);
        }

        return (store, target);
    }

    StoreTarget? Target(Store store)
    {
        if (credentials.Read(store.ProtectedCredentials) is not { } secrets || !Uri.TryCreate(store.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            LogUnreadableStore(logger, store.Id);
            return null;
        }

        return new StoreTarget(store.Id, store.Marketplace, baseUrl, store.PlatformWarehouseIds, secrets);
    }

    /// <summary>
    /// Writes each outcome to its state (tracked: the state's stamp makes the settle redo itself if a recompute
    /// was saved after it read the state) and its record (set-based: the records of a round share a few
    /// distinct outcomes), with the ended pushes in the outbox as StoreSkusPushed (one per round), in one transaction. On PostgreSQL it runs
    /// without the tenant lock, so recomputes go on while pushes are settled (see <see cref="PushState"/>); on
    /// SQLite its caller holds that lock.
    /// </summary>
    async Task SettleAsync(Store? store, List<SentPush> sent, Dictionary<Guid, StockUpdateResult> results, CancellationToken cancellationToken)
    {
        var marketplace = store?.Marketplace.ToString() ?? "unknown";
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var ids = sent.Select(s => s.StoreSkuId).ToList();
            var states = await StatesOf(db, ids).ToDictionaryAsync(s => s.StoreSkuId, cancellationToken: cancellationToken);
            var outcomes = new List<(string Outcome, double? LatencyMs)>();
            var updates = new Dictionary<RecordUpdate, List<Guid>>();
            var events = new List<StoreSkuPushed>();
            foreach (var push in sent)
            {
                if (!states.TryGetValue(push.StoreSkuId, out var state))
                {
                    continue;
                }

                var result = results.GetValueOrDefault(push.StoreSkuId)
                    ?? new StockUpdateResult(push.StoreSkuId, PushOutcome.RetryableFailure, "no_result", "The connector returned no result for this store SKU.");
                var (outcome, latency, update) = Settle(state, push, result, now);
                outcomes.Add((outcome, latency));
                if (!updates.TryGetValue(update, out var same))
                {
                    updates[update] = same = [];
                }

                same.Add(push.RecordId);
                if (update.Status is PushStatus.Succeeded or PushStatus.Failed)
                {
                    events.Add(new StoreSkuPushed(push.TenantId, push.RecordId, push.StoreId, push.StoreSkuId, push.MerchantSkuCode ?? "", push.Quantity, push.PreOrder ?? false, update.Status == PushStatus.Succeeded, update.ErrorCode, update.ErrorMessage, now));
                }
            }

            try
            {
                await db.SaveChangesWithBulkAsync(
                    async ct =>
                    {
                        foreach (var (update, sameOutcome) in updates)
                        {
                            await update.ApplyAsync(db, sameOutcome, ct);
                        }

                        await db.BulkAddOutboxMessagesAsync(StoreSkusPushed.Batches(events), now, ct);
                    },
                    cancellationToken);
                foreach (var (outcome, latency) in outcomes)
                {
                    PushMetrics.Outcomes.Add(1, new("outcome", outcome), new("marketplace", marketplace));
                    if (latency is { } ms)
                    {
                        PushMetrics.Latency.Record(ms, new KeyValuePair<string, object?>("marketplace", marketplace));
                    }
                }

                LogPushed(logger, outcomes.Count, store?.Id ?? Guid.Empty, marketplace, outcomes.Count(o => o.Outcome == "succeeded"), Environment.MachineName, Environment.ProcessId);
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException && attempt < MaxSettleAttempts)
            {
                LogSettleConflict(logger, ex, store?.Id ?? Guid.Empty, attempt);
            }
        }
    }

    /// <summary>
    /// A store's due pushes, oldest first: each state with its store SKU, its record's merchant SKU code and the
    /// store's version. Compiled once, as <see cref="StatesOf"/>: every round runs it, and a LINQ query walks and
    /// hashes its expression tree on each run.
    /// </summary>
    static readonly Func<PushDbContext, Guid, DateTime, int, IAsyncEnumerable<DueRow>> DuePushes = EF.CompileAsyncQuery(
        (PushDbContext db, Guid storeId, DateTime now, int take) =>
            (from s in db.States.AsNoTracking()
             join t in db.TenantSettings on s.TenantId equals t.TenantId
             join k in db.StoreSkus.AsNoTracking() on s.StoreSkuId equals k.Id into skus
             from k in skus.DefaultIfEmpty()
             join r in db.Records on s.PendingRecordId equals (Guid?)r.Id into records
             from r in records.DefaultIfEmpty()
             join o in db.Stores on s.StoreId equals o.Id into stores
             from o in stores.DefaultIfEmpty()
             where s.StoreId == storeId && s.NextAttemptAt != null && s.NextAttemptAt <= now && s.PendingRecordId != null && t.InventoryFeaturesEnabled
             orderby s.NextAttemptAt
             select new DueRow(s, k, r != null ? r.MerchantSkuCode : null, o != null ? o.Version : (long?)null))
            .Take(take));

    /// <summary>The states of the store SKUs a settle ends (tracked).</summary>
    static readonly Func<PushDbContext, List<Guid>, IAsyncEnumerable<PushState>> StatesOf = EF.CompileAsyncQuery(
        (PushDbContext db, List<Guid> ids) => db.States.Where(s => ids.Contains(s.StoreSkuId)));

    sealed record DueRow(PushState State, StoreSku? Sku, string? MerchantSkuCode, long? StoreVersion);

    (string Outcome, double? LatencyMs, RecordUpdate Update) Settle(PushState state, SentPush push, StockUpdateResult result, DateTime now)
    {
        var current = state.DesiredVersion == push.Version && state.PendingRecordId == push.RecordId;
        var attempts = push.Attempts + 1;
        var latency = (now - DateTime.SpecifyKind(push.TriggeredAt, DateTimeKind.Utc)).TotalMilliseconds;
        var errorCode = Truncate(result.ErrorCode, 200);
        var errorMessage = Truncate(result.ErrorMessage, 2000);
        switch (result.Outcome)
        {
            case PushOutcome.Succeeded:
                if (push.Version > state.LastPushedVersion)
                {
                    state.LastPushedVersion = push.Version;
                    state.LastPushedQuantity = push.Quantity;
                    state.LastPushedPreOrder = push.PreOrder ?? state.LastPushedPreOrder;
                    state.InPreOrder = push.InPreOrder;
                }

                if (current)
                {
                    state.ClearPending();
                }

                return ("succeeded", latency, new(PushStatus.Succeeded, current ? null : "sent before a newer computation superseded it", attempts, null, null, now));

            case PushOutcome.RetryableFailure when current && attempts < _options.MaxAttempts:
                state.Attempts = attempts;
                state.NextAttemptAt = now + Backoff(attempts, result.RetryAfter);
                return ("retrying", null, new(null, null, attempts, errorCode, errorMessage, null));

            case PushOutcome.RetryableFailure when !current:
                // Superseded while in flight: the newer computation is pending and will be sent.
                return ("superseded", null, new(null, null, attempts, errorCode, errorMessage, null));

            default:
                if (current)
                {
                    state.ClearPending();
                }

                LogFailed(logger, push.StoreSkuId, push.StoreId, result.Outcome, errorCode, errorMessage);
                return ("failed", latency, new(PushStatus.Failed, null, attempts, errorCode, errorMessage, now));
        }
    }

    /// <summary>
    /// One outcome written to sent records: attempts and error always; status, note and completion when the
    /// push ended (<see cref="Status"/> Succeeded or Failed); null keeps the status (pending for its retry, or
    /// as whoever superseded it left it).
    /// </summary>
    sealed record RecordUpdate(PushStatus? Status, string? Note, int Attempts, string? ErrorCode, string? ErrorMessage, DateTime? CompletedAt)
    {
        /// <summary>
        /// On PostgreSQL the update goes first in the settle's write batch, ahead of the states (records before
        /// states, the order a recompute that supersedes records takes them in too), so it costs no round trip of
        /// its own; elsewhere it runs at once, before the batch, in the same order.
        /// </summary>
        public Task ApplyAsync(PushDbContext db, List<Guid> recordIds, CancellationToken cancellationToken)
        {
            if (db.Database.IsNpgsql() && db.TryWriteFirst(Command(db, recordIds), "push_records"))
            {
                return Task.CompletedTask;
            }

            return db.Records.Where(r => recordIds.Contains(r.Id)).ExecuteUpdateAsync(
                u =>
                {
                    u.SetProperty(r => r.Attempts, Attempts).SetProperty(r => r.ErrorCode, ErrorCode).SetProperty(r => r.ErrorMessage, ErrorMessage);
                    if (Status is { } status)
                    {
                        u.SetProperty(r => r.Status, status).SetProperty(r => r.Note, Note).SetProperty(r => r.CompletedAt, CompletedAt);
                    }
                },
                cancellationToken);
        }

        NpgsqlBatchCommand Command(PushDbContext db, List<Guid> recordIds)
        {
            var (progress, ended) = Statements(db);
            var command = new NpgsqlBatchCommand(Status is null ? progress : ended);
            command.Parameters.Add(new NpgsqlParameter { Value = Attempts, NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(Text(ErrorCode));
            command.Parameters.Add(Text(ErrorMessage));
            if (Status is { } status)
            {
                // The status is stored by name (the model's value conversion).
                command.Parameters.Add(Text(status.ToString()));
                command.Parameters.Add(Text(Note));
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)CompletedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            }

            command.Parameters.Add(new NpgsqlParameter { Value = recordIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            return command;
        }

        static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar };

        static (string Progress, string Ended)? statements;

        /// <summary>The two updates (attempt and error; and the end too), from the model's table and column names.</summary>
        static (string Progress, string Ended) Statements(PushDbContext db)
        {
            if (statements is { } known)
            {
                return known;
            }

            var type = db.Model.FindEntityType(typeof(PushRecord))!;
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            string Column(string property) => $"\"{type.FindProperty(property)!.GetColumnName(table)}\"";
            var set = $"UPDATE \"{table.Name}\" SET {Column(nameof(PushRecord.Attempts))} = $1, {Column(nameof(PushRecord.ErrorCode))} = $2, {Column(nameof(PushRecord.ErrorMessage))} = $3";
            var id = Column(nameof(PushRecord.Id));
            statements = (
                $"{set} WHERE {id} = ANY($4)",
                $"{set}, {Column(nameof(PushRecord.Status))} = $4, {Column(nameof(PushRecord.Note))} = $5, {Column(nameof(PushRecord.CompletedAt))} = $6 WHERE {id} = ANY($7)");
            return statements.Value;
        }
    }

    /// <summary>Base x 2^(attempts-1), +-20% jitter, at most the maximum; at least what the marketplace asked.</summary>
    TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var jittered = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds) * (0.8 + (Random.Shared.NextDouble() * 0.4));
        var delay = TimeSpan.FromMilliseconds(Math.Min(jittered, _options.RetryMaxDelay.TotalMilliseconds));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed {Count} store SKUs of store {StoreId} ({Marketplace}), {Succeeded} succeeded, by {Host}/{ProcessId}")]
    static partial void LogPushed(ILogger logger, int count, Guid storeId, string marketplace, int succeeded, string host, int processId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Round of store {StoreId}, {Count} store SKUs: read {Read} ms, marketplace calls {Calls} ms, settle {Settle} ms")]
    static partial void LogRound(ILogger logger, Guid storeId, int count, double read, double calls, double settle);

    [LoggerMessage(Level = LogLevel.Error, Message = "Push dispatch round failed")]
    static partial void LogRoundFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Settling {Count} pushes of store {StoreId} failed; they stay pending and are sent again")]
    static partial void LogSettleFailed(ILogger logger, Exception ex, Guid storeId, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Settling pushes of store {StoreId} met a concurrent change, attempt {Attempt}; redoing it")]
    static partial void LogSettleConflict(ILogger logger, Exception ex, Guid storeId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store {StoreId} cannot be pushed: its credentials or base URL cannot be read")]
    static partial void LogUnreadableStore(ILogger logger, Guid storeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push of store SKU {StoreSkuId} (store {StoreId}) failed: {Outcome} {ErrorCode} {ErrorMessage}")]
    static partial void LogFailed(ILogger logger, Guid storeSkuId, Guid storeId, PushOutcome outcome, string? errorCode, string? errorMessage);
}
