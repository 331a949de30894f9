using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>
/// Writes the tracked modifications of many rows at once on PostgreSQL: the modified entities of one type
/// that changed the same columns become one <c>UPDATE … FROM unnest(…)</c>, keyed by the primary key and
/// guarded by the concurrency tokens' original values, instead of a statement per row. What a recompute or a
/// batch of movements changes (hundreds of rows of a few kinds) then costs a few statements to parse, plan
/// and run. A token that no longer matches leaves a row out, and the whole write fails as
/// <see cref="DbUpdateConcurrencyException"/>, as <c>SaveChanges</c> would.
/// </summary>
internal static class BulkUpdate
{
    /// <summary>Fewer modified rows of one kind are left to <c>SaveChanges</c>.</summary>
    const int MinRows = 4;

    /// <summary>The statement of each entity type and set of changed columns, built once.</summary>
    static readonly ConcurrentDictionary<(IEntityType Type, string Columns), Statement> Statements = new();

    /// <summary>
    /// Adds the groups worth it to the save's <paramref name="batch"/> (null: not PostgreSQL, nothing is written
    /// set-based) and marks their entries Unchanged, so the <c>SaveChanges</c> that follows writes only the
    /// rest; returns what <see cref="Written.Restore"/> puts back if the batch, that save or the transaction
    /// fails (the caller or its execution strategy may then save the same entries again). The batch checks
    /// that each update matched all its rows.
    /// </summary>
    public static Written Apply(DbContext db, WriteBatch? batch)
    {
        var written = new Written();
        if (batch is null)
        {
            return written;
        }

        // Entries() detects the changes; the save that follows need not do it again.
        written.ChangesDetected = true;

        var groups = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Modified && Eligible(e.Metadata))
            .Select(e => (Entry: e, Modified: e.Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToList()))
            .Where(e => e.Modified.Count > 0 && e.Modified.All(p => !p.IsKey() && Statement.Scalar(p)))
            .GroupBy(e => (Type: e.Entry.Metadata, Columns: string.Join(',', e.Modified.Select(p => p.Name))))
            .Where(g => g.Count() >= MinRows)
            .ToList();
        try
        {
            foreach (var group in groups)
            {
                var statement = Statements.GetOrAdd(group.Key, key => Statement.For(db, key.Type, group.First().Modified));
                var command = new NpgsqlBatchCommand(statement.Text);
                statement.Bind(command.Parameters, [.. group.Select(e => e.Entry)]);
                batch.Add(command, group.Count(), statement.Table);
                foreach (var (entry, modified) in group)
                {
                    written.Add(entry, modified, statement.Tokens);
                }
            }
        }
        catch
        {
            written.Restore();
            throw;
        }

        return written;
    }

    /// <summary>A plain entity of its own table whose writes <c>SaveChanges</c> reads nothing back from.</summary>
    static bool Eligible(IEntityType type) =>
        type.GetTableName() is not null
        && !type.IsOwned()
        && type.BaseType is null
        && !type.GetDerivedTypes().Any()
        && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
        && type.GetProperties().All(p => p.ValueGenerated is ValueGenerated.Never or ValueGenerated.OnAdd)
        && type.FindPrimaryKey()!.Properties.Concat(type.GetProperties().Where(p => p.IsConcurrencyToken)).All(Statement.Scalar);

    /// <summary>The entries written set-based, and how to make them pending again.</summary>
    internal sealed class Written
    {
        /// <summary>Whether the change tracker's changes were detected (so the save after it can skip that).</summary>
        public bool ChangesDetected { get; set; }

        readonly List<(EntityEntry Entry, List<(IProperty Property, object? Current)> Modified, List<(IProperty Property, object? Original)> Tokens)> _entries = [];

        public void Add(EntityEntry entry, List<IProperty> modified, IReadOnlyList<IProperty> tokens)
        {
            _entries.Add((
                entry,
                [.. modified.Select(p => (p, entry.Property(p.Name).CurrentValue))],
                [.. tokens.Select(p => (p, entry.Property(p.Name).OriginalValue))]));
            entry.State = EntityState.Unchanged;
        }

        /// <summary>Marks the entries modified again, with the values and tokens they had (the write was rolled back).</summary>
        public void Restore()
        {
            foreach (var (entry, modified, tokens) in _entries)
            {
                foreach (var (property, current) in modified)
                {
                    var value = entry.Property(property.Name);
                    value.CurrentValue = current;
                    value.IsModified = true;
                }

                foreach (var (property, original) in tokens)
                {
                    entry.Property(property.Name).OriginalValue = original;
                }
            }

            _entries.Clear();
        }
    }

    /// <summary>
    /// <c>UPDATE t SET c = v.c … FROM unnest(@k…, @c…, @o…) AS v(k…, c…, o…) WHERE t.k = v.k … AND t.token IS NOT DISTINCT FROM v.o …</c>:
    /// one array parameter per column whatever the number of rows, so the text is the same for every save of
    /// the same columns (PostgreSQL prepares it once) and the values cost one array each to send.
    /// </summary>
    sealed class Statement
    {
        public required string Table { get; init; }
        public required IReadOnlyList<IProperty> Tokens { get; init; }
        public required List<(IProperty Property, bool Original, RelationalTypeMapping Mapping)> Columns { get; init; }
        public required string Text { get; init; }

        public static Statement For(DbContext db, IEntityType type, List<IProperty> modified)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var keys = type.FindPrimaryKey()!.Properties;
            var tokens = type.GetProperties().Where(p => p.IsConcurrencyToken && !p.IsKey()).ToList();
            string Name(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
            var columns = keys.Select(p => (p, false)).Concat(modified.Select(p => (p, false))).Concat(tokens.Select(p => (p, true)))
                .Select(c => (c.p, c.Item2, c.p.GetRelationalTypeMapping()))
                .ToList();
            var aliases = Enumerable.Range(0, columns.Count).Select(i => $"v{i}").ToList();
            var text = new StringBuilder("UPDATE ")
                .Append(sql.DelimitIdentifier(table.Name, table.Schema))
                .Append(" AS t SET ")
                .AppendJoin(", ", modified.Select((p, i) => $"{Name(p)} = v.{aliases[keys.Count + i]}"))
                .Append(" FROM unnest(")
                .AppendJoin(", ", aliases.Select(a => sql.GenerateParameterNamePlaceholder(a)))
                .Append(") AS v(")
                .AppendJoin(", ", aliases)
                .Append(") WHERE ")
                .AppendJoin(" AND ", keys.Select((p, i) => $"t.{Name(p)} = v.{aliases[i]}"))
                .AppendJoin("", tokens.Select((p, i) => $" AND t.{Name(p)} IS NOT DISTINCT FROM v.{aliases[keys.Count + modified.Count + i]}"))
                .ToString();
            return new Statement { Table = table.Name, Tokens = tokens, Columns = columns, Text = text };
        }

        /// <summary>Whether every column is a scalar (an array column cannot be one of unnest's arrays).</summary>
        public static bool Scalar(IProperty property) => property.GetRelationalTypeMapping().ElementTypeMapping is null;

        public void Bind(DbParameterCollection parameters, List<EntityEntry> rows)
        {
            for (var c = 0; c < Columns.Count; c++)
            {
                var (property, original, mapping) = Columns[c];
                var values = Enumerable.Range(0, rows.Count).Select(r => original ? rows[r].Property(property.Name).OriginalValue : rows[r].Property(property.Name).CurrentValue);
                parameters.Add(PostgresArrays.Parameter($"v{c}", property, mapping, values, rows.Count));
            }
        }
    }
}
