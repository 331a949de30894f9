using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>Adding outgoing messages and recording handled ones, inside the caller's unit of work.</summary>
public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = CreateJson();

    static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }

    /// <summary>Adds <paramref name="message"/> to the outbox; it is published after the next successful save.</summary>
    public static OutboxMessage AddOutboxMessage(this IOutboxDbContext db, object message, DateTime now)
    {
        var row = NewRow(message, now);
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>
    /// Writes <paramref name="messages"/> to the outbox at once, inside the caller's open transaction and without
    /// the change tracker (see <see cref="BulkInsert"/>); they are published after the transaction commits, handed
    /// straight to this process's dispatcher (see <see cref="OutboxHandoff{TContext}"/>).
    /// </summary>
    public static async Task BulkAddOutboxMessagesAsync<TContext>(this TContext db, IEnumerable<object> messages, DateTime now, CancellationToken cancellationToken)
        where TContext : DbContext, IOutboxDbContext
    {
        var list = messages.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var rows = list.Select(m => NewRow(m, now)).ToList();
        var handedOff = Interceptor(db)?.Handoff.Claim(db, rows, list, now) ?? false;
        await db.BulkInsertAsync(rows, cancellationToken);
        if (!handedOff)
        {
            OutboxPending.Mark(db);
        }
    }

    /// <summary>The outbox's interceptor registered on <paramref name="db"/>'s options, if any.</summary>
    static OutboxSignalInterceptor<TContext>? Interceptor<TContext>(TContext db)
        where TContext : DbContext =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<OutboxSignalInterceptor<TContext>>().FirstOrDefault();

    static OutboxMessage NewRow(object message, DateTime now)
    {
        var type = message.GetType();
        return new OutboxMessage
        {
            Id = NewId(),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, type, Json),
            TraceParent = Activity.Current?.Id,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Records that <paramref name="consumer"/> handles <paramref name="messageId"/>, in the caller's unit of work.
    /// False when it was handled before: the caller then does nothing. A message without an id
    /// (raw JSON from a non-.NET publisher) cannot be recorded; its effects must be idempotent by themselves.
    /// </summary>
    public static async Task<bool> TryRecordInboxAsync(this IOutboxDbContext db, Guid? messageId, string consumer, DateTime now, CancellationToken cancellationToken)
    {
        if (messageId is not { } id)
        {
            return true;
        }

        if (await db.InboxMessages.AnyAsync(m => m.MessageId == id && m.Consumer == consumer, cancellationToken))
        {
            return false;
        }

        db.InboxMessages.Add(new InboxMessage { MessageId = id, Consumer = consumer, HandledAt = now });
        return true;
    }

    /// <summary>The dispatcher and its options for <typeparamref name="TContext"/>.</summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext, IOutboxDbContext
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal<TContext>>();
        services.AddSingleton<OutboxHandoff<TContext>>();
        services.AddSingleton<OutboxSignalInterceptor<TContext>>();
        services.AddSingleton<IHostedService, OutboxDispatcher<TContext>>();
        return services;
    }

    // Time-ordered ids keep the unique index on Id append-mostly.
    static Guid NewId() => Guid.CreateVersion7();
}
