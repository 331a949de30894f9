using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>
/// A unit of work that no other unit of the same kind for the same tenant runs beside, in any instance: one
/// transaction that on PostgreSQL first takes <c>pg_advisory_xact_lock(kind, tenant)</c>, so its reads already
/// see what the unit before it committed. On SQLite the transaction itself takes the file's write lock.
/// For work whose reads decide its writes across rows that two units may both be writing (two events that
/// each look for the other's row, a computation from several rows another unit is changing).
/// </summary>
public static class TenantTransaction
{
    /// <summary>Runs <paramref name="work"/> in the tenant's transaction of <paramref name="kind"/> (under the provider's execution strategy, which may run it again from a clean change tracker) and commits.</summary>
    public static Task<T> RunAsync<T>(DbContext db, int kind, Guid tenantId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        InTransactionAsync(
            db,
            async ct =>
            {
                if (db.Database.IsNpgsql())
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({kind}, {KeyOf(tenantId)})", ct);
                }

                return await work(ct);
            },
            cancellationToken);

    /// <summary>
    /// PostgreSQL: runs <paramref name="work"/> the same way, with the unit's first read (the command <paramref name="first"/> makes,
    /// its rows taken by <paramref name="read"/>) sent in one batch with the lock, one round trip sooner. Each
    /// statement of a batch reads with a snapshot of its own, taken when it starts, so the read still sees what
    /// the unit before it committed.
    /// </summary>
    public static Task<T> RunAsync<TFirst, T>(
        DbContext db,
        int kind,
        Guid tenantId,
        Func<NpgsqlBatchCommand> first,
        Func<DbDataReader, CancellationToken, Task<TFirst>> read,
        Func<TFirst, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken) =>
        InTransactionAsync(
            db,
            async ct =>
            {
                TFirst firstRows;
                await using (var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction()))
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1, $2)") { Parameters = { new() { Value = kind }, new() { Value = KeyOf(tenantId) } } });
                    batch.BatchCommands.Add(first());
                    await using var reader = await batch.ExecuteReaderAsync(ct);
                    await reader.NextResultAsync(ct);
                    firstRows = await read(reader, ct);
                }

                return await work(firstRows, ct);
            },
            cancellationToken);

    static Task<T> InTransactionAsync<T>(DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var result = await work(ct);
                await transaction.CommitAsync(ct);
                return result;
            },
            cancellationToken);

    /// <summary>Runs <paramref name="work"/>, which returns nothing, the same way.</summary>
    public static Task RunAsync(DbContext db, int kind, Guid tenantId, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync(
            db,
            kind,
            tenantId,
            async ct =>
            {
                await work(ct);
                return true;
            },
            cancellationToken);

    /// <summary>The same in every process: the tenant id's bytes folded into 32 bits (two tenants may share a key; they then wait for each other).</summary>
    public static int KeyOf(Guid tenantId)
    {
        Span<byte> bytes = stackalloc byte[16];
        tenantId.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) ^ BitConverter.ToInt32(bytes[4..8]) ^ BitConverter.ToInt32(bytes[8..12]) ^ BitConverter.ToInt32(bytes[12..]);
    }
}
