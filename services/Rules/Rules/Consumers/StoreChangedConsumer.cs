using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Rules.Consumers;

/// <summary>Keeps the newest version of each store; a stale or repeated version changes nothing.</summary>
internal sealed class StoreChangedConsumer(RulesDbContext db) : IConsumer<StoreChanged>
{
    public const string QueueName = "rules-store-changed";

    public async Task Consume(ConsumeContext<StoreChanged> context)
    {
        var message = context.Message;
        if (message.TenantId == Guid.Empty || message.StoreId == Guid.Empty)
        {
            throw new InvalidMessageException("StoreChanged without a tenantId or storeId.");
        }

        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, context.CancellationToken);
        if (store is not null && store.Version >= message.Version)
        {
            return;
        }

        if (store is null)
        {
            store = new Store { Id = message.StoreId, TenantId = message.TenantId, Name = "" };
            db.Stores.Add(store);
        }

        store.Marketplace = message.Marketplace;
        store.Name = (message.Name ?? "").Trim();
        store.Deleted = message.Deleted;
        store.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
