using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Planning;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Push.Consumers;

/// <summary>"Push Now": recomputes the chosen store SKUs and pushes them even when unchanged. Handled once (inbox).</summary>
internal sealed class PushRequestedConsumer(PushPlanner planner) : IConsumer<PushRequested>
{
    public const string QueueName = "push-push-requested";

    public async Task Consume(ConsumeContext<PushRequested> context)
    {
        var message = context.Message;
        await planner.RunAsync(message.TenantId, async (unit, ct) =>
        {
            var (db, now, _) = unit;
            if (!await db.TryRecordInboxAsync(context.MessageId, QueueName, now, ct))
            {
                return null;
            }

            var storeIds = message.StoreIds ?? [];
            var codes = (message.MerchantSkuCodes ?? []).Select(Codes.Normalize).ToList();
            var mapped = db.Mappings.AsNoTracking().Where(m => m.TenantId == message.TenantId && m.MerchantSkuId != null);
            if (storeIds.Count > 0)
            {
                mapped = mapped.Where(m => storeIds.Contains(m.StoreId));
            }

            if (codes.Count > 0)
            {
                var merchantIds = db.MerchantSkus.Where(s => s.TenantId == message.TenantId && !s.Deleted && codes.Contains(s.NormalizedCode)).Select(s => s.Id);
                var bundleIds = db.BundleComponents.Where(c => c.TenantId == message.TenantId && merchantIds.Contains(c.ComponentId)).Select(c => c.BundleId);
                mapped = mapped.Where(m => merchantIds.Contains(m.MerchantSkuId!.Value) || bundleIds.Contains(m.MerchantSkuId!.Value));
            }

            var storeSkuIds = await mapped.Select(m => m.StoreSkuId).ToListAsync(ct);
            return new Trigger(TriggerReason.PushNow, storeSkuIds, message.RequestedAt, message.JobId);
        }, context.CancellationToken);
    }
}
