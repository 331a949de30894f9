using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.ServiceDefaults.Tests;

public sealed record Ping(Guid Id, string Text);

public sealed class Effect
{
    public int Id { get; set; }
    public Guid PingId { get; set; }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Effect> Effects => Set<Effect>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

/// <summary>Records what reached it, with the trace it arrived in.</summary>
public sealed class PingLog
{
    public ConcurrentQueue<(Guid MessageId, Ping Ping, ActivityTraceId? Trace)> Received { get; } = new();
}

/// <summary>A consumer with an effect, guarded by the inbox.</summary>
public sealed class PingConsumer(TestDbContext db, PingLog log) : IConsumer<Ping>
{
    public async Task Consume(ConsumeContext<Ping> context)
    {
        log.Received.Enqueue((context.MessageId ?? Guid.Empty, context.Message, Activity.Current?.TraceId));
        if (!await db.TryRecordInboxAsync(context.MessageId, "ping", DateTime.UtcNow, context.CancellationToken))
        {
            return;
        }

        db.Effects.Add(new Effect { PingId = context.Message.Id });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>A minimal service: the outbox and inbox on a real database, the in-memory bus, one consumer.</summary>
public static class OutboxTestHost
{
    public static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PingLog>();
        builder.AddServiceDbContext<TestDbContext>("Test");
        // The test model has no migrations (the tests create its tables): the host's migration at start has nothing
        // to do. Pooled contexts take their options from the registration, not from OnConfiguring.
        builder.Services.ConfigureDbContext<TestDbContext>(o => o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        builder.AddMessaging(bus => bus.AddConsumer<PingConsumer>().Endpoint(e => e.Name = "test-ping"));
        return builder.Build();
    }

    public static Dictionary<string, string?> Sqlite(string folder) => Settings("Sqlite", ("Persistence:DataDirectory", folder));

    public static Dictionary<string, string?> Postgres(string connectionString) => Settings("Postgres", ("ConnectionStrings:TestDb", connectionString));

    /// <summary>The provider and where its database is, on the in-memory bus, polled every 100 ms.</summary>
    static Dictionary<string, string?> Settings(string provider, (string Key, string Value) database) => new()
    {
        ["Persistence:Provider"] = provider,
        [database.Key] = database.Value,
        ["Messaging:Transport"] = "InMemory",
        ["Outbox:PollInterval"] = "00:00:00.100",
    };
}
