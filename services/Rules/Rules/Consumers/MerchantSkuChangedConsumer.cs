using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Rules.Consumers;

/// <summary>Keeps the newest version of each merchant SKU code; a stale or repeated version changes nothing.</summary>
internal sealed class MerchantSkuChangedConsumer(RulesDbContext db) : IConsumer<MerchantSkuChanged>
{
    public const string QueueName = "rules-merchant-sku-changed";

    public async Task Consume(ConsumeContext<MerchantSkuChanged> context)
    {
        var message = context.Message;
        if (message.TenantId == Guid.Empty || message.MerchantSkuId == Guid.Empty || string.IsNullOrWhiteSpace(message.Code))
        {
            throw new InvalidMessageException("MerchantSkuChanged without a tenantId, merchantSkuId or code.");
        }

        var sku = await db.MerchantSkus.FirstOrDefaultAsync(s => s.Id == message.MerchantSkuId, context.CancellationToken);
        if (sku is not null && sku.Version >= message.Version)
        {
            return;
        }

        if (sku is null)
        {
            sku = new MerchantSku { Id = message.MerchantSkuId, TenantId = message.TenantId, Code = "", NormalizedCode = "" };
            db.MerchantSkus.Add(sku);
        }

        sku.Code = message.Code.Trim();
        sku.NormalizedCode = Codes.Normalize(message.Code);
        sku.Deleted = message.Deleted;
        sku.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
