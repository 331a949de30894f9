using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Planning;

namespace PushInventory.Push.Consumers;

/// <summary>Keeps the newest mapping of a store SKU and recomputes it (a new or changed mapping triggers a push).</summary>
internal sealed class MappingChangedConsumer(PushPlanner planner) : IConsumer<MappingChanged>
{
    public const string QueueName = "push-mapping-changed";

    public async Task Consume(ConsumeContext<MappingChanged> context)
    {
        var message = context.Message;
        await planner.RunAsync(message.TenantId, async (unit, ct) =>
        {
            var (db, now, _) = unit;
            var mapping = await db.Mappings.FindAsync([message.StoreSkuId], ct);
            if (mapping is not null && (mapping.Version >= message.Version || mapping.TenantId != message.TenantId))
            {
                return null;
            }

            if (mapping is null)
            {
                mapping = new SkuMapping { StoreSkuId = message.StoreSkuId, TenantId = message.TenantId };
                db.Mappings.Add(mapping);
            }

            mapping.StoreId = message.StoreId;
            mapping.MerchantSkuId = message.MerchantSkuIdAfter;
            mapping.MerchantSkuCode = message.MerchantSkuCodeAfter?.Trim();
            mapping.Version = message.Version;
            return new Trigger(TriggerReason.MappingChanged, [message.StoreSkuId], message.OccurredAt);
        }, context.CancellationToken);
    }
}
