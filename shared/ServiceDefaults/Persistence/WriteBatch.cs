using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>
/// The set-based writes of one <see cref="BulkInsert.SaveChangesWithBulkAsync"/> on PostgreSQL, sent together
/// in one round trip just before the commit instead of one after the other: a recompute's states, levels and
/// records, or a group of movements' levels, applied ids and outbox rows, are each one statement, and under
/// load every round trip costs a wait for the database and another for a thread to take its answer. The
/// statements run in the order they were added, in the save's transaction; an update that matched fewer rows
/// than it was given fails the whole save as <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
internal sealed class WriteBatch
{
    static readonly ConditionalWeakTable<DbContext, WriteBatch> Open = new();

    readonly List<(NpgsqlBatchCommand Command, int? Rows, string Table)> _commands = [];

    /// <summary>The batch a save of <paramref name="db"/> is collecting, if one is.</summary>
    public static WriteBatch? Of(DbContext db) => Open.TryGetValue(db, out var batch) ? batch : null;

    /// <summary>Starts collecting the set-based writes of <paramref name="db"/> (PostgreSQL only); dispose to stop.</summary>
    public static Scope Begin(DbContext db)
    {
        if (!db.Database.IsNpgsql())
        {
            return default;
        }

        var batch = new WriteBatch();
        Open.AddOrUpdate(db, batch);
        return new Scope(db, batch);
    }

    public bool HasCommands => _commands.Count > 0;

    /// <summary>Adds a statement; <paramref name="rows"/>, when given, is how many rows it must change.</summary>
    public void Add(NpgsqlBatchCommand command, int? rows, string table) => _commands.Add((command, rows, table));

    /// <summary>Adds a statement ahead of those added so far (the tracked rows' updates).</summary>
    public void AddFirst(NpgsqlBatchCommand command, string table) => _commands.Insert(0, (command, null, table));

    /// <summary>Sends what was added, in one round trip, in the context's transaction.</summary>
    public static async Task FlushAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (Of(db) is not { _commands.Count: > 0 } batch)
        {
            return;
        }

        var commands = batch._commands.ToList();
        batch._commands.Clear();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A write batch is sent in the save's transaction.");
        await using var npgsql = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), transaction);
        foreach (var (command, _, _) in commands)
        {
            npgsql.BatchCommands.Add(command);
        }

        await npgsql.ExecuteNonQueryAsync(cancellationToken);
        foreach (var (command, rows, table) in commands)
        {
            if (rows is { } expected && command.RecordsAffected != expected)
            {
                throw new DbUpdateConcurrencyException(
                    $"Updating {expected} rows of {table} matched {command.RecordsAffected}: some were changed or deleted since they were read.");
            }
        }
    }

    /// <summary>Ends the collection (what was not flushed is dropped with the failed save).</summary>
    internal readonly struct Scope(DbContext? db, WriteBatch? batch) : IDisposable
    {
        /// <summary>The batch collecting the save's writes; null when the provider is not PostgreSQL.</summary>
        public WriteBatch? Batch => batch;

        public void Dispose()
        {
            if (db is not null)
            {
                Open.Remove(db);
            }
        }
    }
}
