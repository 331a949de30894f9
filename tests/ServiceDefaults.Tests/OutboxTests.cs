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
    public async Task Outbox_TwoDispatchersOnOneDatabase_PublishEachMessageExactlyOnce(string provider)
    {
        var database = $"outbox_{Guid.NewGuid():N}";
        var settings = provider == "Postgres" ? OutboxTestHost.Postgres(await Infrastructure.CreateDatabaseAsync(database)) : OutboxTestHost.Sqlite(_folder);
        try
        {
            await PublishOnceEachAsync(settings);
        }
        finally
        {
            if (provider == "Postgres")
            {
                await Infrastructure.DropDatabaseAsync(database);
            }
        }
    }

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
