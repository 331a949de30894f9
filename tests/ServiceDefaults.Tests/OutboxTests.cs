using System.Diagnostics;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.ServiceDefaults.Tests;

public sealed class OutboxTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "pushinventory-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    static async Task<Guid> SaveWithoutDispatchAsync(IHost host, Ping ping, string? traceParent = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        await db.Database.EnsureCreatedAsync();
        var row = db.AddOutboxMessage(ping, DateTime.UtcNow);
        row.TraceParent = traceParent ?? row.TraceParent;
        await db.SaveChangesAsync();
        return row.Id;
    }

    /// <summary>Writes <paramref name="pings"/> the way the services' hot paths do: in bulk, in a transaction of their own.</summary>
    static async Task<List<OutboxMessage>> BulkSaveAsync(IHost host, bool commit, params Ping[] pings)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        await db.Database.EnsureCreatedAsync();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.BulkAddOutboxMessagesAsync(pings, DateTime.UtcNow, CancellationToken.None);
            var rows = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Sequence).Take(pings.Length).ToListAsync();
            if (commit)
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
            }

            return rows;
        });
    }

    /// <summary>A host on <paramref name="settings"/> whose schema exists before its dispatcher starts.</summary>
    static async Task<IHost> StartedWithSchemaAsync(Dictionary<string, string?> settings)
    {
        var host = OutboxTestHost.Build(settings);
        await using (var schema = host.Services.CreateAsyncScope())
        {
            await schema.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        }

        await host.StartAsync();
        return host;
    }

    /// <summary>Runs <paramref name="test"/> on settings for <paramref name="provider"/>: a fresh PostgreSQL database (dropped after) or this test's SQLite folder.</summary>
    async Task OnDatabaseAsync(string provider, Func<Dictionary<string, string?>, Task> test)
    {
        var database = $"outbox_{Guid.NewGuid():N}";
        var settings = provider == "Postgres" ? OutboxTestHost.Postgres(await Infrastructure.CreateDatabaseAsync(database)) : OutboxTestHost.Sqlite(_folder);
        try
        {
            await test(settings);
        }
        finally
        {
            if (provider == "Postgres")
            {
                await Infrastructure.DropDatabaseAsync(database);
            }
        }
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public Task BulkAdded_InACommittedTransaction_IsHandedToThePublisherAtOnce_AndMarkedSent(string provider) =>
        OnDatabaseAsync(provider, async settings =>
        {
            // No round would find them in time: rounds run every 10 minutes, and the rows are claimed for their
            // transaction for 30 s.
            settings["Outbox:PollInterval"] = "00:10:00";
            settings["Outbox:Lease"] = "00:00:30";
            using var host = await StartedWithSchemaAsync(settings);
            var pings = Enumerable.Range(0, 3).Select(i => new Ping(Guid.NewGuid(), $"bulk-{i}")).ToArray();

            var rows = await BulkSaveAsync(host, commit: true, pings);

            // Claimed as written, for their transaction: only the handoff can publish them before the claim ends.
            rows.ShouldAllBe(r => r.LockToken != null && r.LockedUntil > DateTime.UtcNow.AddSeconds(20));
            var ids = rows.Select(r => r.Id).ToList();
            var log = host.Services.GetRequiredService<PingLog>();
            await Eventually.WaitAsync(() => pings.All(p => log.Received.Any(r => r.Ping.Id == p.Id)), TimeSpan.FromSeconds(10), "the committed messages to be published");
            log.Received.Where(r => pings.Any(p => p.Id == r.Ping.Id)).Select(r => r.MessageId).ShouldBe(ids, ignoreOrder: true);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await Eventually.WaitAsync(async () => await db.OutboxMessages.AsNoTracking().CountAsync(m => ids.Contains(m.Id) && m.SentAt != null && m.LockToken == null) == ids.Count, TimeSpan.FromSeconds(10), "the rows to be marked sent");
            await host.StopAsync();
        });

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public Task HandedOff_AndPublished_IsMarkedSentTogether_AfterTheDelay_OrWhenTheHostStops(string provider) =>
        OnDatabaseAsync(provider, async settings =>
        {
            settings["Outbox:PollInterval"] = "00:10:00";
            settings["Outbox:MarkSentDelay"] = "00:00:05";
            using var host = await StartedWithSchemaAsync(settings);
            var first = new Ping(Guid.NewGuid(), "first commit");
            var second = new Ping(Guid.NewGuid(), "second commit");
            var ids = (await BulkSaveAsync(host, commit: true, first)).Concat(await BulkSaveAsync(host, commit: true, second)).Select(r => r.Id).ToList();
            var log = host.Services.GetRequiredService<PingLog>();
            await Eventually.WaitAsync(() => log.Received.Any(r => r.Ping.Id == first.Id) && log.Received.Any(r => r.Ping.Id == second.Id), TimeSpan.FromSeconds(10), "both commits' messages to be published");

            // Published, and still waiting for the mark (5 s): stopping marks them instead of leaving them to be
            // published again once their lease ends.
            async Task<List<OutboxMessage>> RowsAsync()
            {
                await using var scope = host.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<TestDbContext>().OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync();
            }

            (await RowsAsync()).ShouldAllBe(r => r.SentAt == null);
            await host.StopAsync();
            var rows = await RowsAsync();
            rows.Count.ShouldBe(2);
            rows.ShouldAllBe(r => r.SentAt != null && r.LockToken == null);

            // One statement marked both commits' messages.
            rows.Select(r => r.SentAt).Distinct().Count().ShouldBe(1);
        });

    [Fact]
    public async Task BulkAdded_InATransactionRolledBack_IsNeverPublished()
    {
        var settings = OutboxTestHost.Sqlite(_folder);
        using var host = OutboxTestHost.Build(settings);
        await host.StartAsync();
        var rolledBack = new Ping(Guid.NewGuid(), "never");
        var committed = new Ping(Guid.NewGuid(), "after");

        await BulkSaveAsync(host, commit: false, rolledBack);
        // The next unit of work gets the same pooled context back: nothing of the first may ride on its commit.
        await BulkSaveAsync(host, commit: true, committed);

        var log = host.Services.GetRequiredService<PingLog>();
        await Eventually.WaitAsync(() => log.Received.Any(r => r.Ping.Id == committed.Id), TimeSpan.FromSeconds(10), "the committed message");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        (await db.OutboxMessages.AsNoTracking().CountAsync()).ShouldBe(1);
        // One more round trip of the bus for anything sent with it.
        await BulkSaveAsync(host, commit: true, new Ping(Guid.NewGuid(), "marker"));
        await Eventually.WaitAsync(() => log.Received.Any(r => r.Ping.Text == "marker"), TimeSpan.FromSeconds(10), "the marker");
        log.Received.ShouldNotContain(r => r.Ping.Id == rolledBack.Id);
        await host.StopAsync();
    }

    [Fact]
    public async Task BulkAdded_ButTheProcessStoppedBeforePublishing_IsPublishedByAnotherOnceItsClaimEnds()
    {
        var ping = new Ping(Guid.NewGuid(), "handed off, never published");
        var settings = OutboxTestHost.Sqlite(_folder);
        settings["Outbox:Lease"] = "00:00:02";
        // The first process commits and stops before its dispatcher ran: the rows are claimed for it, unpublished.
        using (var stopped = OutboxTestHost.Build(settings))
        {
            await BulkSaveAsync(stopped, commit: true, ping);
        }

        using var other = OutboxTestHost.Build(settings);
        await other.StartAsync();
        var log = other.Services.GetRequiredService<PingLog>();
        await Eventually.WaitAsync(() => log.Received.Any(r => r.Ping.Id == ping.Id), TimeSpan.FromSeconds(20), "the message once its claim ran out");
        log.Received.Count(r => r.Ping.Id == ping.Id).ShouldBe(1);
        await other.StopAsync();
    }

    [Fact]
    public async Task Outbox_MessageSavedBeforeACrash_IsPublishedAfterRestart()
    {
        var ping = new Ping(Guid.NewGuid(), "survives");
        Guid messageId;
        // The first process saves the message in its transaction and dies before any dispatcher ran.
        using (var crashed = OutboxTestHost.Build(OutboxTestHost.Sqlite(_folder)))
        {
            messageId = await SaveWithoutDispatchAsync(crashed, ping);
        }

        using var restarted = OutboxTestHost.Build(OutboxTestHost.Sqlite(_folder));
        await restarted.StartAsync();
        var log = restarted.Services.GetRequiredService<PingLog>();
        await Eventually.WaitAsync(() => log.Received.Any(r => r.Ping.Id == ping.Id), TimeSpan.FromSeconds(20), "the saved message to be published");

        log.Received.Single(r => r.Ping.Id == ping.Id).MessageId.ShouldBe(messageId);
        await using var scope = restarted.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        await Eventually.WaitAsync(async () => (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == messageId)).SentAt is not null, TimeSpan.FromSeconds(10), "the row to be marked sent");
        await restarted.StopAsync();
    }

    [Fact]
    public async Task Start_OnASqliteFileOfAnOlderSchema_StopsAndSaysWhatToDo()
    {
        using (var first = OutboxTestHost.Build(OutboxTestHost.Sqlite(_folder)))
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        // The file as an older version left it: a column the model has now is missing.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "test.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE \"Effects\" DROP COLUMN \"PingId\"";
            await drop.ExecuteNonQueryAsync();
        }

        using var again = OutboxTestHost.Build(OutboxTestHost.Sqlite(_folder));
        var error = await Should.ThrowAsync<InvalidOperationException>(() => again.StartAsync());
        error.Message.ShouldContain("older version");
        error.Message.ShouldContain("PingId");
        error.Message.ShouldContain("Persistence:DataDirectory");
    }

    [Fact]
    public async Task Inbox_DuplicateDelivery_HasNoSecondEffect()
    {
        using var host = OutboxTestHost.Build(OutboxTestHost.Sqlite(_folder));
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var ping = new Ping(Guid.NewGuid(), "twice");
        var messageId = NewId.NextGuid();

        await bus.Publish(ping, ctx => ctx.MessageId = messageId);
        await bus.Publish(ping, ctx => ctx.MessageId = messageId);

        var log = host.Services.GetRequiredService<PingLog>();
        await Eventually.WaitAsync(() => log.Received.Count(r => r.Ping.Id == ping.Id) == 2, TimeSpan.FromSeconds(20), "both deliveries to reach the consumer");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        (await db.Effects.CountAsync(e => e.PingId == ping.Id)).ShouldBe(1);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public Task Outbox_TwoDispatchersOnOneDatabase_PublishEachMessageExactlyOnce(string provider) => OnDatabaseAsync(provider, PublishOnceEachAsync);

    static async Task PublishOnceEachAsync(Dictionary<string, string?> settings)
    {
        // Both hosts share the in-memory bus of neither: each has its own, so a row published twice
        // would show up twice across the two logs.
        using var first = OutboxTestHost.Build(settings);
        using var second = OutboxTestHost.Build(settings);
        var pings = Enumerable.Range(0, 300).Select(i => new Ping(Guid.NewGuid(), $"p{i}")).ToList();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await db.Database.EnsureCreatedAsync();
            foreach (var ping in pings)
            {
                db.AddOutboxMessage(ping, DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        }

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var logs = new[] { first, second }.Select(h => h.Services.GetRequiredService<PingLog>()).ToList();
        await Eventually.WaitAsync(() => logs.Sum(l => l.Received.Count) >= pings.Count, TimeSpan.FromSeconds(30), "every message to be published");

        var received = logs.SelectMany(l => l.Received).Select(r => r.Ping.Id).ToList();
        received.Count.ShouldBe(pings.Count);
        received.ShouldBe(pings.Select(p => p.Id), ignoreOrder: true);
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
    }

    [Fact]
    public async Task Outbox_TraceContextOfTheSavingRequest_ContinuesInTheConsumer()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var traceParent = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01";
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var ping = new Ping(Guid.NewGuid(), "traced");
        using (var saver = OutboxTestHost.Build(OutboxTestHost.Sqlite(_folder)))
        {
            await SaveWithoutDispatchAsync(saver, ping, traceParent);
        }

        using var host = OutboxTestHost.Build(OutboxTestHost.Sqlite(_folder));
        await host.StartAsync();
        var log = host.Services.GetRequiredService<PingLog>();
        await Eventually.WaitAsync(() => log.Received.Any(r => r.Ping.Id == ping.Id), TimeSpan.FromSeconds(20), "the traced message");

        log.Received.Single(r => r.Ping.Id == ping.Id).Trace.ShouldBe(traceId);
        await host.StopAsync();
    }

    [Fact]
    public async Task Outbox_MessageThatCannotBePublished_IsSetAsideAfterMaxAttempts()
    {
        var settings = OutboxTestHost.Sqlite(_folder);
        settings["Outbox:MaxAttempts"] = "1";
        using var host = OutboxTestHost.Build(settings);
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            await db.Database.EnsureCreatedAsync();
            var row = new OutboxMessage { Id = Guid.NewGuid(), MessageType = "No.Such.Type, NoSuchAssembly", Body = "{}", CreatedAt = DateTime.UtcNow };
            db.OutboxMessages.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        await host.StartAsync();
        await using var check = host.Services.CreateAsyncScope();
        var context = check.ServiceProvider.GetRequiredService<TestDbContext>();
        await Eventually.WaitAsync(async () => (await context.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id)).FailedAt is not null, TimeSpan.FromSeconds(20), "the row to be set aside");

        var failed = await context.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
        failed.Attempts.ShouldBe(1);
        failed.SentAt.ShouldBeNull();
        failed.LastError.ShouldNotBeNull().ShouldContain("No.Such.Type");
        await host.StopAsync();
    }
}
