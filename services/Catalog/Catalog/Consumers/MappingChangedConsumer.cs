using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Catalog.Domain;
using PushInventory.Catalog.Persistence;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Catalog.Consumers;

/// <summary>
/// Keeps which merchant SKU each store SKU is mapped to, so that a mapped merchant SKU is not deleted.
/// Only the newest version per store SKU counts; an unmapping keeps its row (with no merchant SKU) so an
/// older mapping arriving late cannot come back.
/// </summary>
internal sealed class MappingChangedConsumer(CatalogDbContext db) : IConsumer<MappingChanged>
{
    public const string QueueName = "catalog-mapping-changed";

    public async Task Consume(ConsumeContext<MappingChanged> context)
    {
        var message = context.Message;
        if (message.TenantId == Guid.Empty || message.StoreSkuId == Guid.Empty)
        {
            throw new InvalidMessageException("MappingChanged needs a tenantId and a storeSkuId.");
        }

        var mapped = await db.MappedStoreSkus.FirstOrDefaultAsync(m => m.StoreSkuId == message.StoreSkuId, context.CancellationToken);
        if (mapped is not null && (mapped.Version >= message.Version || mapped.TenantId != message.TenantId))
        {
            return;
        }

        if (mapped is null)
        {
            mapped = new MappedStoreSku { StoreSkuId = message.StoreSkuId, TenantId = message.TenantId };
            db.MappedStoreSkus.Add(mapped);
        }

        mapped.MerchantSkuId = message.MerchantSkuIdAfter;
        mapped.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
