using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Push.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;
using BundleComponent = PushInventory.Push.Domain.BundleComponent;
using MerchantSku = PushInventory.Push.Domain.MerchantSku;

namespace PushInventory.Push.Consumers;

/// <summary>
/// Keeps the newest code, category and bundle recipe of a merchant SKU. It does not push by itself. Messages
/// come in batches (an import publishes tens of thousands): the newest of each SKU in a batch is applied, all
/// in one save.
/// </summary>
internal sealed class MerchantSkuChangedConsumer(PushDbContext db) : IConsumer<Batch<MerchantSkuChanged>>
{
    public const string QueueName = "push-merchant-sku-changed";
    public const int MessageLimit = 500;

    public async Task Consume(ConsumeContext<Batch<MerchantSkuChanged>> context)
    {
        var newest = context.Message.Select(m => m.Message).NewestBy(m => m.MerchantSkuId, m => m.Version);
        var ids = newest.Select(m => m.MerchantSkuId).ToList();
        var known = await db.MerchantSkus.Include(s => s.Components).Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, context.CancellationToken);
        foreach (var message in newest)
        {
            if (known.TryGetValue(message.MerchantSkuId, out var sku) && (sku.Version >= message.Version || sku.TenantId != message.TenantId))
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
            sku.CategoryId = message.CategoryId;
            sku.IsBundle = message.IsBundle;
            sku.Deleted = message.Deleted;
            sku.Version = message.Version;
            sku.Components.Clear();
            foreach (var component in (message.Components ?? []).DistinctBy(c => c.MerchantSkuId))
            {
                sku.Components.Add(new BundleComponent { TenantId = message.TenantId, BundleId = sku.Id, ComponentId = component.MerchantSkuId, ComponentCode = component.Code.Trim(), Quantity = component.Quantity });
            }
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
