using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>
/// Publishes outbox rows of one DbContext. Rows written in bulk come straight from their committed transaction,
/// already claimed (<see cref="OutboxHandoff{TContext}"/>), and are published as they come. Other rows are found
/// by rounds, woken on commit with polling as the fallback: each round claims a batch with a lease (a
/// conditional update, so two instances never claim the same row), publishes it, and marks rows sent; so are
/// handed-off rows whose lease ran out unpublished. A failed row is retried with back-off up to
/// <see cref="OutboxOptions.MaxAttempts"/>.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal<TContext> signal,
    OutboxHandoff<TContext> handoff,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxDbContext
{
    static readonly Counter<long> Published = Telemetry.Meter.CreateCounter<long>("pushinventory.outbox.published", "{message}", "Outbox messages published.");
    static readonly Counter<long> Failures = Telemetry.Meter.CreateCounter<long>("pushinventory.outbox.failures", "{message}", "Outbox publish attempts that failed.");
    static readonly Histogram<double> Lag = Telemetry.Meter.CreateHistogram<double>("pushinventory.outbox.lag", "ms", "From saved to published.");

    readonly OutboxOptions _options = options.Value;
    readonly Dictionary<string, Type?> _types = new(StringComparer.Ordinal);
    DateTime _nextCleanup;

    /// <summary>Handed-off messages published and not yet marked sent.</summary>
    readonly Channel<Guid> _published = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await Task.WhenAll(PollAsync(stoppingToken), PublishHandedOffAsync(stoppingToken), MarkHandedOffSentAsync(stoppingToken));
    }

    async Task PollAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await DispatchOnceAsync(stoppingToken);
                await CleanupIfDueAsync(stoppingToken);
                if (handled < _options.BatchSize)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(logger, ex, typeof(TContext).Name);
                await Task.Delay(_options.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Publishes what committed transactions hand off, everything waiting at once, and marks it sent in one
    /// statement. A row that fails is recorded as a claimed row's failure would be, and retried by the rounds.
    /// </summary>
    async Task PublishHandedOffAsync(CancellationToken stoppingToken)
    {
        var reader = handoff.Committed;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var items = new List<OutboxHandoff<TContext>.HandedOff>();
                while (items.Count < _options.BatchSize && reader.TryRead(out var batch))
                {
                    items.AddRange(batch.Messages);
                }

                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<TContext>();
                    await PublishAllAsync(db, items, item => PublishAsync(item.Row, item.Message, item.Message.GetType(), stoppingToken), item => item.Row, stoppingToken, deferMark: _options.MarkSentDelay > TimeSpan.Zero);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The rows stay claimed until their lease ends; the rounds publish them then.
                    LogRoundFailed(logger, ex, typeof(TContext).Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still waiting is published by a dispatcher once its lease ends.
        }
    }

    /// <summary>
    /// Marks handed-off messages sent once they are published: every <see cref="OutboxOptions.MarkSentDelay"/>,
    /// all those published meanwhile in one statement, instead of one per commit (at 1,000 movements/s, Stock
    /// made 832 of them in 10 s). On stopping, what is left is marked at once; if that fails, those messages are
    /// published again once their lease ends, as after a crash.
    /// </summary>
    async Task MarkHandedOffSentAsync(CancellationToken stoppingToken)
    {
        var reader = _published.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(_options.MarkSentDelay, time, stoppingToken);
                await MarkWaitingSentAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await MarkWaitingSentAsync(CancellationToken.None);
        }
    }

    async Task MarkWaitingSentAsync(CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        while (_published.Reader.TryRead(out var id))
        {
            ids.Add(id);
        }

        if (ids.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await MarkSentAsync(scope.ServiceProvider.GetRequiredService<TContext>(), ids, cancellationToken);
        }
        catch (Exception ex)
        {
            LogMarkFailed(logger, ex, ids.Count, typeof(TContext).Name);
        }
    }

    /// <summary>By id, still unsent: a row another dispatcher took over after its lease ran out is marked once.</summary>
    Task<int> MarkSentAsync(TContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow().UtcDateTime;
        return db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.LockToken, (Guid?)null), cancellationToken);
    }

    /// <summary>
    /// Publishes <paramref name="items"/> concurrently, each publish waiting for the broker's confirm (one at a time
    /// would cap a dispatcher at one round trip per message; consumers order by the versions messages carry, not
    /// by arrival), then marks those published sent (or, with <paramref name="deferMark"/>, leaves that to
    /// <see cref="MarkHandedOffSentAsync"/>) and records the failures.
    /// </summary>
    async Task PublishAllAsync<T>(TContext db, IReadOnlyList<T> items, Func<T, Task> publish, Func<T, OutboxMessage> rowOf, CancellationToken cancellationToken, bool deferMark = false)
    {
        var sent = new List<Guid>(items.Count);
        var failed = new List<(OutboxMessage Row, Exception Error)>();
        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentPublishes, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var row = rowOf(item);
                try
                {
                    await publish(item);
                    lock (sent)
                    {
                        sent.Add(row.Id);
                    }

                    Lag.Record((time.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    lock (failed)
                    {
                        failed.Add((row, ex));
                    }
                }
            });
        foreach (var (row, error) in failed)
        {
            Failures.Add(1);
            await RecordFailureAsync(db, row, error, cancellationToken);
        }

        if (sent.Count > 0)
        {
            if (deferMark)
            {
                foreach (var id in sent)
                {
                    _published.Writer.TryWrite(id);
                }
            }
            else
            {
                await MarkSentAsync(db, sent, CancellationToken.None);
            }

            Published.Add(sent.Count);
        }
    }

    /// <summary>Claims, publishes and settles one batch; returns how many rows it claimed.</summary>
    internal async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = time.GetUtcNow().UtcDateTime;

        var claim = Guid.NewGuid();
        var rows = db.Database.IsNpgsql() ? await ClaimOnPostgresAsync(db, now, claim, cancellationToken) : await ClaimAsync(db, now, claim, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        await PublishAllAsync(db, rows, row => PublishAsync(row, token: cancellationToken), row => row, cancellationToken);
        return rows.Count;
    }

    /// <summary>
    /// Claims up to a batch of due rows in one statement: the rows are locked as they are chosen, and rows another
    /// instance is claiming at that moment are passed over, so two claims never take the same row.
    /// </summary>
    async Task<List<OutboxMessage>> ClaimOnPostgresAsync(TContext db, DateTime now, Guid claim, CancellationToken cancellationToken)
    {
        var leaseEnd = now + _options.Lease;
        var rows = await db.OutboxMessages
            .FromSql($"""
                UPDATE outbox_messages SET "LockToken" = {claim}, "LockedUntil" = {leaseEnd}
                WHERE "Sequence" IN (
                    SELECT "Sequence" FROM outbox_messages
                    WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND ("LockedUntil" IS NULL OR "LockedUntil" <= {now})
                    ORDER BY "Sequence" LIMIT {_options.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        rows.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return rows;
    }

    /// <summary>
    /// Elsewhere (SQLite, one writer at a time): reads the due rows' keys, then claims them with a conditional
    /// update (the condition is checked again on each row as it is updated: a row another claim took meanwhile no
    /// longer matches), then reads what it won.
    /// </summary>
    async Task<List<OutboxMessage>> ClaimAsync(TContext db, DateTime now, Guid claim, CancellationToken cancellationToken)
    {
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && (m.LockedUntil == null || m.LockedUntil <= now))
            .OrderBy(m => m.Sequence)
            .Select(m => m.Sequence)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var leaseEnd = now + _options.Lease;
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Sequence) && m.SentAt == null && m.FailedAt == null && (m.LockedUntil == null || m.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, claim).SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
        // By key: the token alone has no index, and the table keeps sent rows for the retention period.
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => candidates.Contains(m.Sequence) && m.LockToken == claim)
            .OrderBy(m => m.Sequence)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Publishes a row read from the table: its body as the type it names.</summary>
    Task PublishAsync(OutboxMessage row, CancellationToken token)
    {
        var type = ResolveType(row.MessageType)
            ?? throw new InvalidOperationException($"Message type '{row.MessageType}' is not known to this process.");
        var message = JsonSerializer.Deserialize(row.Body, type, OutboxExtensions.Json)
            ?? throw new InvalidOperationException("The outbox row has an empty body.");
        return PublishAsync(row, message, type, token);
    }

    async Task PublishAsync(OutboxMessage row, object message, Type type, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Telemetry.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(ctx => ctx.MessageId = row.Id), timeout.Token);
    }

    Type? ResolveType(string name)
    {
        lock (_types)
        {
            if (!_types.TryGetValue(name, out var type))
            {
                _types[name] = type = Type.GetType(name, throwOnError: false);
            }

            return type;
        }
    }

    async Task RecordFailureAsync(TContext db, OutboxMessage row, Exception ex, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        var now = time.GetUtcNow().UtcDateTime;
        var giveUp = attempts >= _options.MaxAttempts;
        var retryAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
        var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
        await db.OutboxMessages
            .Where(m => m.Id == row.Id && m.LockToken == row.LockToken)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockToken, (Guid?)null)
                .SetProperty(m => m.LockedUntil, giveUp ? null : retryAt)
                .SetProperty(m => m.FailedAt, giveUp ? now : null), cancellationToken);
        if (giveUp)
        {
            LogGaveUp(logger, ex, row.Id, row.MessageType, attempts);
        }
        else
        {
            LogPublishFailed(logger, ex, row.Id, row.MessageType, attempts);
        }
    }

    async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + TimeSpan.FromMinutes(5);
        var cutoff = now - _options.Retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.InboxMessages.Where(m => m.HandledAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round for {Context} failed")]
    static partial void LogRoundFailed(ILogger logger, Exception ex, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marking {Count} published {Context} outbox messages sent failed; they are published again once their lease ends")]
    static partial void LogMarkFailed(ILogger logger, Exception ex, int count, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed, attempt {Attempts}")]
    static partial void LogPublishFailed(ILogger logger, Exception ex, Guid messageId, string messageType, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up publishing outbox message {MessageId} ({MessageType}) after {Attempts} attempts")]
    static partial void LogGaveUp(ILogger logger, Exception ex, Guid messageId, string messageType, int attempts);
}
