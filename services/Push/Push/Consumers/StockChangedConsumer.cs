using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Planning;

namespace PushInventory.Push.Consumers;

/// <summary>Keeps the newest level per (merchant SKU, warehouse) and recomputes every store SKU mapped to it or to a bundle containing it.</summary>
internal sealed class StockChangedConsumer(PushPlanner planner, LevelsInFlight inFlight) : IConsumer<StockChanged>
{
    public const string QueueName = "push-stock-changed";

    public async Task Consume(ConsumeContext<StockChanged> context)
    {
        var message = context.Message;
        var key = (message.TenantId, message.MerchantSkuId, message.WarehouseId);
        inFlight.Arrived(key, message.Version);
        try
        {
            await ApplyAsync(message, key, context.CancellationToken);
        }
        finally
        {
            inFlight.Done(key, message.Version);
        }
    }

    Task ApplyAsync(StockChanged message, (Guid, Guid, Guid) key, CancellationToken cancellationToken) =>
        planner.RunAsync(message.TenantId, async (db, now, ct) =>
        {
            if (inFlight.IsSuperseded(key, message.Version))
            {
                return null;
            }

            var level = await db.StockLevels.FindAsync([message.TenantId, message.MerchantSkuId, message.WarehouseId], ct);
            if (level is not null && level.Version >= message.Version)
            {
                return null;
            }

            if (level is null)
            {
                level = new StockLevel { TenantId = message.TenantId, MerchantSkuId = message.MerchantSkuId, WarehouseId = message.WarehouseId, MerchantSkuCode = message.MerchantSkuCode, WarehouseCode = message.WarehouseCode };
                db.StockLevels.Add(level);
            }

            level.MerchantSkuCode = message.MerchantSkuCode.Trim();
            level.WarehouseCode = message.WarehouseCode.Trim();
            level.OnHand = message.OnHand;
            level.Allocated = message.Allocated;
            level.Available = message.Available;
            level.Version = message.Version;
            level.OccurredAt = message.OccurredAt;
            var affected = await SnapshotLoader.MappedToAsync(db, message.TenantId, message.MerchantSkuId, ct);
            return new Trigger(TriggerReason.StockChanged, affected, message.OccurredAt);
        }, cancellationToken);
}
