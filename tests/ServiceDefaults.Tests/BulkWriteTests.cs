using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using PushInventory.ServiceDefaults.Persistence;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.ServiceDefaults.Tests;

public enum Shade
{
    Light,
    Dark,
}

public sealed class Counter
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public int Value { get; set; }
    public int? Limit { get; set; }
    public string? Note { get; set; }
    public Shade Shade { get; set; }
    public DateTime? TouchedAt { get; set; }
    public Guid Stamp { get; set; }
}

public sealed class Entry
{
    public long Sequence { get; set; }
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Remark { get; set; }
    public int? Quantity { get; set; }
    public Shade Shade { get; set; }
    public DateTime At { get; set; }
    public DateTime? DoneAt { get; set; }
    public bool? Flag { get; set; }
    public List<string> Tags { get; set; } = [];
}

public sealed class CounterDbContext(DbContextOptions<CounterDbContext> options) : DbContext(options)
{
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<Entry> Entries => Set<Entry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Counter>(b =>
        {
            b.ToTable("counters");
            b.HasKey(c => new { c.TenantId, c.Id });
            b.Property(c => c.Shade).HasConversion<string>().HasMaxLength(10);
            b.Property(c => c.Stamp).IsConcurrencyToken();
        });
        modelBuilder.Entity<Entry>(b =>
        {
            b.ToTable("entries");
            b.HasKey(e => e.Id);
            b.Property(e => e.Sequence).UseIdentityAlwaysColumn();
            b.Property(e => e.Name).HasMaxLength(50);
            b.Property(e => e.Shade).HasConversion<string>().HasMaxLength(10);
        });
    }
}

/// <summary>The text of every command a context runs.</summary>
public sealed class CommandLog : DbCommandInterceptor
{
    public List<string> Texts { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Texts.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Texts.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

/// <summary>What Npgsql logs of the commands and batches it ran.</summary>
public sealed class NpgsqlLog : ILoggerProvider
{
    readonly List<string> _messages = [];

    public NpgsqlLog() => Factory = LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Debug));

    public ILoggerFactory Factory { get; }

    /// <summary>The batches (several statements sent at once) that ran.</summary>
    public List<string> Batches()
    {
        lock (_messages)
        {
            return [.. _messages.Where(m => m.StartsWith("Batch execution completed", StringComparison.Ordinal))];
        }
    }

    public void Clear()
    {
        lock (_messages)
        {
            _messages.Clear();
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() => Factory.Dispose();

    sealed class Logger(NpgsqlLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (log._messages)
            {
                log._messages.Add(formatter(state, exception));
            }
        }
    }
}

/// <summary>
/// Many new rows inserted by <see cref="BulkInsert.BulkInsertAsync"/>, and many modified rows saved through <see cref="BulkInsert.SaveChangesWithBulkAsync"/> on a real PostgreSQL,
/// where they are written set-based: the values, the concurrency tokens and a failed save's rollback must be
/// exactly what SaveChanges would have given.
/// </summary>
public sealed class BulkWriteTests : IAsyncLifetime
{
    readonly string _database = $"bulk_write_{Guid.NewGuid():N}";
    readonly Guid _tenant = Guid.NewGuid();
    string _connection = "";

    public async ValueTask InitializeAsync()
    {
        _connection = await Infrastructure.CreateDatabaseAsync(_database);
        await using var db = Context();
        await db.Database.EnsureCreatedAsync();
        db.Counters.AddRange(Enumerable.Range(0, 50).Select(i => new Counter { TenantId = _tenant, Id = Guid.NewGuid(), Value = i, Limit = i, Note = $"n{i}", Stamp = Guid.NewGuid() }));
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await Infrastructure.DropDatabaseAsync(_database);

    CounterDbContext Context(CommandLog? log = null)
    {
        var options = new DbContextOptionsBuilder<CounterDbContext>().UseNpgsql(_connection);
        if (log is not null)
        {
            options.AddInterceptors(log);
        }

        return new(options.Options);
    }

    [Fact]
    public async Task ManyModifiedRows_AreSavedWithTheirNewValues_NullsAndConversionsIncluded()
    {
        var touched = new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc);
        var log = new CommandLog();
        await using (var db = Context(log))
        {
            var counters = await db.Counters.ToListAsync();
            foreach (var counter in counters)
            {
                counter.Value += 1000;
                counter.Limit = null;
                counter.Shade = Shade.Dark;
                counter.TouchedAt = touched;
                counter.Stamp = Guid.NewGuid();
            }

            // One row changes other columns: it is its own group, saved by SaveChanges.
            var odd = counters.Single(c => c.Value == 1000);
            odd.Note = "odd one";
            await db.SaveChangesWithBulkAsync(_ => Task.CompletedTask, CancellationToken.None);
            db.ChangeTracker.Entries().ShouldAllBe(e => e.State == EntityState.Unchanged);
        }

        // SaveChanges (whose commands the log sees) wrote only the odd row: the 49 that changed the same
        // columns went set-based, on the context's connection, past EF's command pipeline.
        log.Texts.Sum(t => Regex.Count(t, @"\bUPDATE\b")).ShouldBe(1);

        await using var check = Context();
        var saved = await check.Counters.AsNoTracking().OrderBy(c => c.Value).ToListAsync();
        saved.Select(c => c.Value).ShouldBe(Enumerable.Range(1000, 50));
        saved.ShouldAllBe(c => c.Limit == null && c.Shade == Shade.Dark && c.TouchedAt == touched);
        saved.Count(c => c.Note == "odd one").ShouldBe(1);
        saved.Where(c => c.Note != "odd one").Select(c => c.Note).ShouldBe(Enumerable.Range(1, 49).Select(i => $"n{i}"));
    }

    [Fact]
    public async Task ARowChangedSinceItWasRead_FailsTheWholeSave_AndLeavesTheChangesPending()
    {
        await using var db = Context();
        var counters = await db.Counters.ToListAsync();
        foreach (var counter in counters)
        {
            counter.Value = -1;
            counter.Stamp = Guid.NewGuid();
        }

        // Another writer changes one row's token after it was read.
        var victim = counters[17];
        await using (var other = Context())
        {
            await other.Counters.Where(c => c.TenantId == victim.TenantId && c.Id == victim.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Stamp, Guid.NewGuid()).SetProperty(c => c.Value, 4242));
        }

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesWithBulkAsync(_ => Task.CompletedTask, CancellationToken.None));

        await using (var check = Context())
        {
            (await check.Counters.CountAsync(c => c.Value == -1)).ShouldBe(0, "nothing of the failed save is stored");
            (await check.Counters.SingleAsync(c => c.Id == victim.Id)).Value.ShouldBe(4242);
        }

        // The changes are still pending, with their original tokens: once the conflicting row is dropped from
        // the unit (its entry reloaded), the same context saves the rest.
        db.ChangeTracker.Entries<Counter>().Count(e => e.State == EntityState.Modified).ShouldBe(50);
        await db.Entry(victim).ReloadAsync();
        await db.SaveChangesWithBulkAsync(_ => Task.CompletedTask, CancellationToken.None);

        await using var after = Context();
        (await after.Counters.CountAsync(c => c.Value == -1)).ShouldBe(49);
    }

    [Fact]
    public async Task TheSetBasedWritesOfASave_GoToTheDatabaseInOneBatch_AndAConflictInOneUndoesTheOthers()
    {
        var log = new NpgsqlLog();
        await using var source = new NpgsqlDataSourceBuilder(_connection).UseLoggerFactory(log.Factory).Build();
        await using var db = new CounterDbContext(new DbContextOptionsBuilder<CounterDbContext>().UseNpgsql(source).Options);
        var counters = await db.Counters.ToListAsync();
        foreach (var counter in counters)
        {
            counter.Value += 100;
            counter.Stamp = Guid.NewGuid();
        }

        var added = NewCounters(500);
        log.Clear();
        await db.SaveChangesWithBulkAsync(ct => db.BulkInsertAsync(added, ct), CancellationToken.None);

        // The 50 rows' update and the 5 rows' insert were sent together, in one batch.
        log.Batches().Count.ShouldBe(1);
        log.Batches()[0].ShouldSatisfyAllConditions(b => b.ShouldContain("UPDATE"), b => b.ShouldContain("INSERT"));
        await using (var check = Context())
        {
            (await check.Counters.SumAsync(c => c.Value)).ShouldBe(Enumerable.Range(100, 50).Sum() + Enumerable.Range(500, 5).Sum());
        }

        // Another writer changes one row after it was read: the batch's update matches 49 of 50 rows, and the
        // save fails whole, its insert included.
        foreach (var counter in counters)
        {
            counter.Value = -1;
            counter.Stamp = Guid.NewGuid();
        }

        await using (var other = Context())
        {
            await other.Counters.Where(c => c.Id == counters[3].Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Stamp, Guid.NewGuid()));
        }

        var more = NewCounters(900);
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesWithBulkAsync(ct => db.BulkInsertAsync(more, ct), CancellationToken.None));
        await using var after = Context();
        (await after.Counters.CountAsync(c => c.Value == -1)).ShouldBe(0, "nothing of the failed save is stored");
        (await after.Counters.CountAsync(c => c.Value >= 900)).ShouldBe(0, "the failed save's insert is rolled back with it");
    }

    List<Counter> NewCounters(int from) =>
        [.. Enumerable.Range(from, 5).Select(i => new Counter { TenantId = _tenant, Id = Guid.NewGuid(), Value = i, Note = $"n{i}", Stamp = Guid.NewGuid() })];

    [Fact]
    public async Task AFailingBulkWrite_RollsBackTheSetBasedUpdates_AndTheyAreSavedOnTheNextTry()
    {
        await using var db = Context();
        foreach (var counter in await db.Counters.ToListAsync())
        {
            counter.Value += 1;
            counter.Stamp = Guid.NewGuid();
        }

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesWithBulkAsync(_ => throw new InvalidOperationException("the bulk write failed"), CancellationToken.None));
        await using (var check = Context())
        {
            (await check.Counters.SumAsync(c => c.Value)).ShouldBe(Enumerable.Range(0, 50).Sum());
        }

        await db.SaveChangesWithBulkAsync(_ => Task.CompletedTask, CancellationToken.None);
        await using var after = Context();
        (await after.Counters.SumAsync(c => c.Value)).ShouldBe(Enumerable.Range(1, 50).Sum());
    }

    [Fact]
    public async Task BulkInsert_WritesEveryColumnAsSaveChangesWould_ArraysNullsConversionsAndGeneratedKeysIncluded()
    {
        var at = new DateTime(2026, 11, 28, 6, 30, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 300).Select(i => new Entry
        {
            Id = Guid.NewGuid(),
            Name = $"entry {i}",
            Remark = i % 2 == 0 ? null : $"odd {i}",
            Quantity = i % 3 == 0 ? null : i,
            Shade = i % 2 == 0 ? Shade.Light : Shade.Dark,
            At = at.AddSeconds(i),
            DoneAt = i % 5 == 0 ? at : null,
            Flag = i % 4 == 0 ? null : i % 4 == 1,
            Tags = [.. Enumerable.Range(0, i % 3).Select(t => $"t{t}")],
        }).ToList();
        await using (var db = Context())
        {
            await db.SaveChangesWithBulkAsync(ct => db.BulkInsertAsync(rows, ct), CancellationToken.None);
        }

        await using var check = Context();
        var saved = await check.Entries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        saved.Select(e => e.Id).ShouldBe(rows.Select(r => r.Id), "in order, each with a generated sequence");
        saved.Select(e => e.Sequence).ShouldBe(saved.Select(e => e.Sequence).Distinct());
        foreach (var (row, entry) in rows.Zip(saved))
        {
            entry.Name.ShouldBe(row.Name);
            entry.Remark.ShouldBe(row.Remark);
            entry.Quantity.ShouldBe(row.Quantity);
            entry.Shade.ShouldBe(row.Shade);
            entry.At.ShouldBe(row.At);
            entry.DoneAt.ShouldBe(row.DoneAt);
            entry.Flag.ShouldBe(row.Flag);
            entry.Tags.ShouldBe(row.Tags);
        }
    }

    [Fact]
    public async Task BulkInsert_FewRowsOfScalarColumns_WritesEveryValue_NullsAndConversionsIncluded()
    {
        // Scalar columns only and few rows: one INSERT from unnest'ed arrays, not COPY.
        var tenantId = Guid.NewGuid();
        var rows = Enumerable.Range(0, 40).Select(i => new Counter
        {
            TenantId = tenantId,
            Id = Guid.NewGuid(),
            Value = i,
            Limit = i % 3 == 0 ? null : i * 10,
            Note = i % 2 == 0 ? null : $"note {i}",
            Shade = i % 2 == 0 ? Shade.Light : Shade.Dark,
            TouchedAt = i % 4 == 0 ? null : new DateTime(2026, 11, 28, 12, 0, i, DateTimeKind.Utc),
            Stamp = Guid.NewGuid(),
        }).ToList();
        await using (var db = Context())
        {
            await db.SaveChangesWithBulkAsync(ct => db.BulkInsertAsync(rows, ct), CancellationToken.None);
        }

        await using var check = Context();
        var saved = await check.Counters.AsNoTracking().Where(c => c.TenantId == tenantId).ToDictionaryAsync(c => c.Id);
        saved.Count.ShouldBe(rows.Count);
        foreach (var row in rows)
        {
            var counter = saved[row.Id];
            counter.Value.ShouldBe(row.Value);
            counter.Limit.ShouldBe(row.Limit);
            counter.Note.ShouldBe(row.Note);
            counter.Shade.ShouldBe(row.Shade);
            counter.TouchedAt.ShouldBe(row.TouchedAt);
            counter.Stamp.ShouldBe(row.Stamp);
        }
    }

    [Fact]
    public async Task BulkInsert_FewScalarRowsOneOfWhichExists_FailsAndInsertsNoneOfTheOthers()
    {
        var existing = new Counter { TenantId = Guid.NewGuid(), Id = Guid.NewGuid(), Value = 1 };
        await using (var db = Context())
        {
            db.Counters.Add(existing);
            await db.SaveChangesAsync();
        }

        var rows = Enumerable.Range(0, 20).Select(i => new Counter { TenantId = existing.TenantId, Id = Guid.NewGuid(), Value = i }).Append(new Counter { TenantId = existing.TenantId, Id = existing.Id, Value = 2 }).ToList();
        await using (var db = Context())
        {
            await Should.ThrowAsync<PostgresException>(() => db.SaveChangesWithBulkAsync(ct => db.BulkInsertAsync(rows, ct), CancellationToken.None));
        }

        await using var check = Context();
        (await check.Counters.CountAsync(c => c.TenantId == existing.TenantId)).ShouldBe(1);
    }

    [Fact]
    public async Task BulkInsert_OfARowThatExists_FailsAndInsertsNoneOfTheOthers()
    {
        var existing = new Entry { Id = Guid.NewGuid(), Name = "first", At = DateTime.UtcNow };
        await using (var db = Context())
        {
            db.Entries.Add(existing);
            await db.SaveChangesAsync();
        }

        var rows = Enumerable.Range(0, 20).Select(i => new Entry { Id = Guid.NewGuid(), Name = $"e{i}", At = DateTime.UtcNow }).Append(new Entry { Id = existing.Id, Name = "again", At = DateTime.UtcNow }).ToList();
        await using (var db = Context())
        {
            await Should.ThrowAsync<PostgresException>(() => db.SaveChangesWithBulkAsync(ct => db.BulkInsertAsync(rows, ct), CancellationToken.None));
        }

        await using var check = Context();
        (await check.Entries.CountAsync()).ShouldBe(1);
    }
}
