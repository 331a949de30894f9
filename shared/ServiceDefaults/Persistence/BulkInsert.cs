using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>
/// Inserts many new rows of one entity type with a binary <c>COPY</c> (PostgreSQL) or multi-row <c>INSERT</c>
/// statements (SQLite), inside the caller's transaction and bypassing the change tracker: for imports, where tracking tens of thousands of entities
/// costs more than writing them. Table, columns and value conversions come from the EF model, so the rows are
/// exactly what <c>SaveChanges</c> would have written; columns the database generates are left to it.
/// </summary>
public static class BulkInsert
{
    // SQLite runs in-process, so round trips cost nothing, while finding a named parameter is a linear search:
    // small statements are faster (any other relational provider gets the same).
    const int MaxParameters = 200;
    const int MaxRowsPerStatement = 1_000;

    /// <summary>PostgreSQL: more rows than this go in by <c>COPY</c>, whose extra round trip then costs less than the arrays.</summary>
    const int MaxUnnestRows = 500;

    /// <summary>
    /// Inside <see cref="SaveChangesWithBulkAsync"/>'s bulk writes on PostgreSQL: sends <paramref name="command"/>
    /// in the save's one batch, ahead of the tracked rows' set-based updates, so the rows it locks are locked
    /// before theirs, and returns true. False anywhere else: the caller runs its statement itself.
    /// </summary>
    public static bool TryWriteFirst(this DbContext db, NpgsqlBatchCommand command, string table)
    {
        if (WriteBatch.Of(db) is not { } batch)
        {
            return false;
        }

        batch.AddFirst(command, table);
        return true;
    }

    /// <summary>
    /// Saves the tracked changes and runs <paramref name="bulkWrites"/> (bulk inserts) in one transaction,
    /// under the provider's execution strategy; the tracked changes are accepted only once it committed.
    /// A conflict surfaces as <see cref="DbUpdateException"/> (tracked rows) or <see cref="DbException"/> (bulk rows).
    /// Inside a transaction the caller began, both join it and the caller commits.
    /// </summary>
    public static async Task SaveChangesWithBulkAsync(this DbContext db, Func<CancellationToken, Task> bulkWrites, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await SaveAllAsync(db, bulkWrites, commit: null, cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SaveAllAsync(db, bulkWrites, transaction, cancellationToken);
        });
        db.ChangeTracker.AcceptAllChanges();
    }

    /// <summary>
    /// Many modified rows of a kind set-based (<see cref="BulkUpdate"/>, PostgreSQL), the other tracked changes,
    /// the bulk writes, and the commit when it is ours; a failure leaves the tracked changes pending.
    /// </summary>
    static async Task SaveAllAsync(DbContext db, Func<CancellationToken, Task> bulkWrites, IDbContextTransaction? commit, CancellationToken cancellationToken)
    {
        if (db is ISaveHook hook)
        {
            await hook.BeforeSaveAsync(cancellationToken);
        }

        // PostgreSQL: the set-based writes (BulkUpdate's, the unnest inserts) are collected and sent together
        // (WriteBatch), in their order relative to the tracked writes SaveChanges makes.
        using var scope = WriteBatch.Begin(db);
        var written = BulkUpdate.Apply(db, scope.Batch);
        try
        {
            var detected = written.ChangesDetected;
            if (scope.Batch is { HasCommands: true } && TrackedChangesLeft(db, ref detected))
            {
                await WriteBatch.FlushAsync(db, cancellationToken);
            }

            await SaveChangesAsync(db, detectChanges: !detected, cancellationToken);
            await bulkWrites(cancellationToken);
            await WriteBatch.FlushAsync(db, cancellationToken);
            if (commit is not null)
            {
                await commit.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            written.Restore();
            throw;
        }
    }

    /// <summary>Whether <c>SaveChanges</c> has anything to write (detecting the changes once, unless <paramref name="detected"/>).</summary>
    static bool TrackedChangesLeft(DbContext db, ref bool detected)
    {
        if (!detected)
        {
            db.ChangeTracker.DetectChanges();
            detected = true;
        }

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.HasChanges();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Saves without accepting; skips detecting changes again when the caller has just done it.</summary>
    static async Task SaveChangesAsync(DbContext db, bool detectChanges, CancellationToken cancellationToken)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = detect && detectChanges;
        try
        {
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Inserts <paramref name="rows"/>; needs an open transaction on <paramref name="db"/>, which the caller commits.</summary>
    public static async Task BulkInsertAsync<T>(this DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("BulkInsertAsync needs a transaction: begin one, insert, then commit.");
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of {db.GetType().Name}'s model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => !IsIdentity(p))
            .Select(p => Column.Of(p, table))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        if (db.Database.IsNpgsql())
        {
            var npgsql = (NpgsqlConnection)db.Database.GetDbConnection();
            if (rows.Count <= MaxUnnestRows && columns.All(c => c.Mapping.ElementTypeMapping is null))
            {
                var command = Unnest(sql, table, columns, rows);
                if (WriteBatch.Of(db) is { } batch)
                {
                    batch.Add(command, null, table.Name);
                }
                else
                {
                    await using var single = new NpgsqlBatch(npgsql, (NpgsqlTransaction)transaction.GetDbTransaction()) { BatchCommands = { command } };
                    await single.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            else
            {
                // After what the save collected so far, as it was written.
                await WriteBatch.FlushAsync(db, cancellationToken);
                await CopyAsync(npgsql, sql, table, columns, rows, cancellationToken);
            }

            return;
        }

        var rowsPerStatement = Math.Max(1, Math.Min(MaxRowsPerStatement, MaxParameters / columns.Count));

        var connection = db.Database.GetDbConnection();
        await using var full = connection.CreateCommand();
        full.Transaction = transaction.GetDbTransaction();
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            if (count == rowsPerStatement)
            {
                // Full chunks share one prepared statement; only the values change.
                if (full.Parameters.Count == 0)
                {
                    Prepare(full, sql, table, columns, count, rows, start);
                }
                else
                {
                    Bind(full, columns, rows, start, count);
                }

                await full.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                await using var last = connection.CreateCommand();
                last.Transaction = full.Transaction;
                Prepare(last, sql, table, columns, count, rows, start);
                await last.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// PostgreSQL, a few rows of scalar columns: <c>INSERT INTO t (…) SELECT * FROM unnest(@v0, @v1, …)</c>, one
    /// array parameter per column. One round trip where <c>COPY</c> takes two (the server answers the command
    /// before the rows are sent), and the same text whatever the count, so PostgreSQL prepares it once.
    /// </summary>
    static NpgsqlBatchCommand Unnest<T>(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<Column> columns, IReadOnlyList<T> rows)
    {
        var command = new NpgsqlBatchCommand(new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") SELECT * FROM unnest(")
            .AppendJoin(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder($"v{i}")))
            .Append(')')
            .ToString());
        for (var c = 0; c < columns.Count; c++)
        {
            var getter = columns[c].Property.GetGetter();
            command.Parameters.Add(PostgresArrays.Parameter($"v{c}", columns[c].Property, columns[c].Mapping, rows.Select(r => getter.GetClrValue(r!)), rows.Count));
        }

        return command;
    }

    /// <summary>
    /// PostgreSQL, many rows or an array column: one binary <c>COPY</c> (in the connection's transaction), the cheapest way in for many rows:
    /// no statement to parse, no parameter per value.
    /// </summary>
    static async Task CopyAsync<T>(NpgsqlConnection connection, ISqlGenerationHelper sql, StoreObjectIdentifier table, List<Column> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var copy = new StringBuilder("COPY ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") FROM STDIN (FORMAT BINARY)")
            .ToString();
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToList();
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].ProviderValue(row!) is { } value)
                {
                    await importer.WriteAsync(value, types[c], cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    // An integer key generated on add is the database's (identity, autoincrement); Guid keys are set by the code.
    static bool IsIdentity(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));

    static void Prepare<T>(DbCommand command, ISqlGenerationHelper sql, StoreObjectIdentifier table, List<Column> columns, int count, IReadOnlyList<T> rows, int start)
    {
        var text = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") VALUES ");
        for (var r = 0; r < count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"p{r * columns.Count + c}";
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, sql.GenerateParameterName(name), columns[c].Property.GetGetter().GetClrValue(rows[start + r]!), columns[c].Property.IsNullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
    }

    static void Bind<T>(DbCommand command, List<Column> columns, IReadOnlyList<T> rows, int start, int count)
    {
        for (var r = 0; r < count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                command.Parameters[r * columns.Count + c].Value = columns[c].ProviderValue(rows[start + r]!) ?? DBNull.Value;
            }
        }
    }

    /// <summary>A value as the column stores it: through the mapping's converter, if it has one (null stays null).</summary>
    internal static object? ToProvider(this RelationalTypeMapping mapping, object? value) =>
        value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        /// <summary>The row's value of this column, as the column stores it.</summary>
        public object? ProviderValue(object row) => Mapping.ToProvider(Property.GetGetter().GetClrValue(row));

        public static Column Of(IProperty property, StoreObjectIdentifier table)
        {
            if (property.IsShadowProperty())
            {
                throw new NotSupportedException($"BulkInsertAsync cannot write the shadow property {property.DeclaringType.DisplayName()}.{property.Name}.");
            }

            return new Column(property, property.GetColumnName(table)!, property.GetRelationalTypeMapping());
        }
    }
}
