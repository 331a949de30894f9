using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Push.Persistence;
using PushInventory.ServiceDefaults;
using BundleComponent = PushInventory.Push.Domain.BundleComponent;
using MerchantSku = PushInventory.Push.Domain.MerchantSku;

namespace PushInventory.Push.Consumers;

/// <summary>Keeps the newest code, category and bundle recipe of a merchant SKU. It does not push by itself.</summary>
internal sealed class MerchantSkuChangedConsumer(PushDbContext db) : IConsumer<MerchantSkuChanged>
{
    public const string QueueName = "push-merchant-sku-changed";

    public async Task Consume(ConsumeContext<MerchantSkuChanged> context)
    {
        var message = context.Message;
        var sku = await db.MerchantSkus.Include(s => s.Components).FirstOrDefaultAsync(s => s.Id == message.MerchantSkuId, context.CancellationToken);
        if (sku is not null && (sku.Version >= message.Version || sku.TenantId != message.TenantId))
        {
            return;
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

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
