using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.Stock.Domain;
using BundleComponent = PushInventory.Stock.Domain.BundleComponent;
using PushInventory.Stock.Persistence;

namespace PushInventory.Stock.Consumers;

/// <summary>
/// Learns merchant SKU codes and bundle recipes from the Catalog; a stale or repeated version changes nothing.
/// Messages come in batches (an import publishes tens of thousands): the newest of each SKU in a batch is
/// applied, all in one save.
/// </summary>
internal sealed class MerchantSkuChangedConsumer(StockDbContext db, TimeProvider time) : IConsumer<Batch<MerchantSkuChanged>>
{
    public const string QueueName = "stock-merchant-sku-changed";
    public const int MessageLimit = 500;

    public async Task Consume(ConsumeContext<Batch<MerchantSkuChanged>> context)
    {
        var newest = context.Message.Select(m => m.Message).NewestBy(m => m.MerchantSkuId, m => m.Version);
        var ids = newest.Select(m => m.MerchantSkuId).ToList();
        var known = await db.MerchantSkus.Include(s => s.Components).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, context.CancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var changes = new List<StockChanged>();
        foreach (var message in newest)
        {
            if (known.TryGetValue(message.MerchantSkuId, out var sku) && sku.Version >= message.Version)
            {
                continue;
            }

            if (sku is null)
            {
                sku = new MerchantSku { Id = message.MerchantSkuId, TenantId = message.TenantId, Code = message.Code, NormalizedCode = Codes.Normalize(message.Code) };
                db.MerchantSkus.Add(sku);
            }

            sku.Code = message.Code.Trim();
            sku.NormalizedCode = Codes.Normalize(message.Code);
            sku.IsBundle = message.IsBundle;
            sku.Deleted = message.Deleted;
            sku.Version = message.Version;
            sku.Components.Clear();
            foreach (var component in message.Components ?? [])
            {
                sku.Components.Add(new BundleComponent { TenantId = message.TenantId, BundleId = sku.Id, ComponentId = component.MerchantSkuId, Quantity = component.Quantity });
            }

            if (sku.IsBundle && !sku.Deleted)
            {
                await BundleAvailability.RecomputeBundleAsync(db, sku, changes, now, context.CancellationToken);
            }
        }

        foreach (var tenant in changes.GroupBy(c => c.TenantId))
        {
            foreach (var batch in StockLevelsChanged.Batches(tenant.Key, [.. tenant]))
            {
                db.AddOutboxMessage(batch, now);
            }
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
