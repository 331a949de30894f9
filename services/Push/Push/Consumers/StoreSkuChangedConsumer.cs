using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Planning;

namespace PushInventory.Push.Consumers;

/// <summary>Keeps the newest store SKU; recomputes it when it is new, deleted, or its reservation or marketplace ids changed.</summary>
internal sealed class StoreSkuChangedConsumer(PushPlanner planner) : IConsumer<StoreSkuChanged>
{
    public const string QueueName = "push-store-sku-changed";

    public async Task Consume(ConsumeContext<StoreSkuChanged> context)
    {
        var message = context.Message;
        await planner.RunAsync(message.TenantId, async (unit, ct) =>
        {
            var (db, now, _) = unit;
            var sku = await db.StoreSkus.FindAsync([message.StoreSkuId], ct);
            if (sku is not null && (sku.Version >= message.Version || sku.TenantId != message.TenantId))
            {
                return null;
            }

            var relevant = sku is null
                || sku.Deleted != message.Deleted
                || sku.ReservedStock != message.ReservedStock
                || sku.StoreId != message.StoreId
                || sku.ItemId != message.ItemId
                || sku.ModelId != message.ModelId
                || sku.SkuId != message.SkuId
                || sku.ProductId != message.ProductId
                || !sku.PlatformWarehouseIds.SequenceEqual(message.PlatformWarehouseIds ?? []);
            if (sku is null)
            {
                sku = new StoreSku { Id = message.StoreSkuId, TenantId = message.TenantId, SellerSku = message.SellerSku, Name = message.Name };
                db.StoreSkus.Add(sku);
            }

            sku.StoreId = message.StoreId;
            sku.Marketplace = message.Marketplace;
            sku.SellerSku = message.SellerSku.Trim();
            sku.Name = message.Name;
            sku.ItemId = message.ItemId;
            sku.ModelId = message.ModelId;
            sku.SkuId = message.SkuId;
            sku.ProductId = message.ProductId;
            sku.PlatformWarehouseIds = [.. message.PlatformWarehouseIds ?? []];
            sku.ReservedStock = message.ReservedStock;
            sku.Deleted = message.Deleted;
            sku.Version = message.Version;
            return relevant ? new Trigger(TriggerReason.StoreSkuChanged, [message.StoreSkuId], message.OccurredAt) : null;
        }, context.CancellationToken);
    }
}
