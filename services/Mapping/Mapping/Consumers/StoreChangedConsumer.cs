using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Mapping.Domain;
using PushInventory.Mapping.Persistence;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Mapping.Consumers;

/// <summary>Learns store names (shown with links, and which store ids exist); a stale or repeated version changes nothing.</summary>
internal sealed class StoreChangedConsumer(MappingDbContext db) : IConsumer<StoreChanged>
{
    public const string QueueName = "mapping-store-changed";

    public async Task Consume(ConsumeContext<StoreChanged> context)
    {
        var message = context.Message;
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, context.CancellationToken);
        if (store is not null && store.TenantId != message.TenantId)
        {
            throw new InvalidMessageException($"Store {message.StoreId} belongs to another tenant.");
        }

        if (store is not null && store.Version >= message.Version)
        {
            return;
        }

        if (store is null)
        {
            store = new Store { Id = message.StoreId, TenantId = message.TenantId, Name = "" };
            db.Stores.Add(store);
        }

        var name = (message.Name ?? "").Trim();
        store.Name = name.Length > 200 ? name[..200] : name;
        store.Deleted = message.Deleted;
        store.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
