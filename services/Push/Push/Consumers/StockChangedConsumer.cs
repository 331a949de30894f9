using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;
using PushInventory.Push.Planning;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Push.Consumers;

/// <summary>
/// Keeps the newest level per (merchant SKU, warehouse) and recomputes every store SKU mapped to it or to a
/// bundle containing it. Messages arrive in batches (up to <see cref="MessageLimit"/>, or what came within
/// <see cref="BatchConsumers.DefaultTimeLimit"/>): only the newest version of each level in a batch is applied, and each tenant's
/// share is one recompute in one transaction, so a burst on one SKU coalesces before anything is computed
/// and thousands of changes a second cost a few dozen transactions.
/// </summary>
internal sealed class StockChangedConsumer(PushPlanner planner) : IConsumer<Batch<StockChanged>>
{
    public const string QueueName = "push-stock-changed";
    public const int MessageLimit = 1000;

    /// <summary>Batches worked on at once: one, since a tenant's recomputes are serialised anyway; the next batch gathers meanwhile.</summary>
    public const int ConcurrencyLimit = 1;

    public async Task Consume(ConsumeContext<Batch<StockChanged>> context)
    {
        var newest = context.Message
            .Select(m => m.Message)
            .NewestBy(m => (m.TenantId, m.MerchantSkuId, m.WarehouseId), m => m.Version);
        foreach (var tenant in newest.GroupBy(m => m.TenantId))
        {
            var changes = tenant.ToList();
            await planner.RunAsync(tenant.Key, (db, _, ct) => ApplyAsync(db, tenant.Key, changes, ct), context.CancellationToken);
        }
    }

    static async Task<Trigger?> ApplyAsync(PushDbContext db, Guid tenantId, List<StockChanged> changes, CancellationToken cancellationToken)
    {
        var skuIds = changes.Select(c => c.MerchantSkuId).Distinct().ToList();
        var levels = await db.StockLevels
            .Where(l => l.TenantId == tenantId && skuIds.Contains(l.MerchantSkuId))
            .ToDictionaryAsync(l => (l.MerchantSkuId, l.WarehouseId), cancellationToken);
        var changed = new HashSet<Guid>();
        foreach (var message in changes)
        {
            if (levels.TryGetValue((message.MerchantSkuId, message.WarehouseId), out var level) && level.Version >= message.Version)
            {
                continue;
            }

            if (level is null)
            {
                level = new StockLevel { TenantId = tenantId, MerchantSkuId = message.MerchantSkuId, WarehouseId = message.WarehouseId, MerchantSkuCode = message.MerchantSkuCode, WarehouseCode = message.WarehouseCode };
                db.StockLevels.Add(level);
                levels[(message.MerchantSkuId, message.WarehouseId)] = level;
            }

            level.MerchantSkuCode = message.MerchantSkuCode.Trim();
            level.WarehouseCode = message.WarehouseCode.Trim();
            level.OnHand = message.OnHand;
            level.Allocated = message.Allocated;
            level.Available = message.Available;
            level.Version = message.Version;
            level.OccurredAt = message.OccurredAt;
            changed.Add(message.MerchantSkuId);
        }

        if (changed.Count == 0)
        {
            return null;
        }

        var affected = await SnapshotLoader.MappedToAsync(db, tenantId, changed, cancellationToken);

        // Latency is measured from the oldest change the batch carries.
        return new Trigger(TriggerReason.StockChanged, affected, changes.Where(c => changed.Contains(c.MerchantSkuId)).Min(c => c.OccurredAt));
    }
}
