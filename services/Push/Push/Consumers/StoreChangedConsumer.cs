using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;

namespace PushInventory.Push.Consumers;

/// <summary>Keeps the newest state of a store, its credentials still protected. A store change does not push by itself.</summary>
internal sealed class StoreChangedConsumer(PushDbContext db) : IConsumer<StoreChanged>
{
    public const string QueueName = "push-store-changed";

    public async Task Consume(ConsumeContext<StoreChanged> context)
    {
        var message = context.Message;
        var store = await db.Stores.FindAsync([message.StoreId], context.CancellationToken);
        if (store is not null && (store.Version >= message.Version || store.TenantId != message.TenantId))
        {
            return;
        }

        if (store is null)
        {
            store = new Store { Id = message.StoreId, TenantId = message.TenantId, Name = message.Name, Region = message.Region, BaseUrl = message.BaseUrl, ProtectedCredentials = message.ProtectedCredentials };
            db.Stores.Add(store);
        }

        store.Marketplace = message.Marketplace;
        store.Name = message.Name;
        store.Region = message.Region ?? "";
        store.BaseUrl = message.BaseUrl ?? "";
        store.PlatformWarehouseIds = [.. message.PlatformWarehouseIds ?? []];
        // A deleted store's event carries no credentials: keep nothing.
        store.ProtectedCredentials = message.Deleted ? "" : message.ProtectedCredentials ?? "";
        store.Deleted = message.Deleted;
        store.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
