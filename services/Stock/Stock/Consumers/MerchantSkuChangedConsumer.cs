using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults;
using PushInventory.Stock.Domain;
using BundleComponent = PushInventory.Stock.Domain.BundleComponent;
using PushInventory.Stock.Persistence;

namespace PushInventory.Stock.Consumers;

/// <summary>Learns merchant SKU codes and bundle recipes from the Catalog; a stale or repeated version changes nothing.</summary>
internal sealed class MerchantSkuChangedConsumer(StockDbContext db, TimeProvider time) : IConsumer<MerchantSkuChanged>
{
    public const string QueueName = "stock-merchant-sku-changed";

    public async Task Consume(ConsumeContext<MerchantSkuChanged> context)
    {
        var message = context.Message;
        var sku = await db.MerchantSkus.Include(s => s.Components).FirstOrDefaultAsync(s => s.Id == message.MerchantSkuId, context.CancellationToken);
        if (sku is not null && sku.Version >= message.Version)
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
            await BundleAvailability.RecomputeBundleAsync(db, sku, time.GetUtcNow().UtcDateTime, context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
