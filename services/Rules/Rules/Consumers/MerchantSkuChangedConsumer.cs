using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Rules.Consumers;

/// <summary>
/// Keeps the newest version of each merchant SKU code; a stale or repeated version changes nothing. Messages
/// come in batches (an import publishes tens of thousands): the newest of each SKU in a batch is applied, all
/// in one save.
/// </summary>
internal sealed class MerchantSkuChangedConsumer(RulesDbContext db) : IConsumer<Batch<MerchantSkuChanged>>
{
    public const string QueueName = "rules-merchant-sku-changed";
    public const int MessageLimit = 500;

    public async Task Consume(ConsumeContext<Batch<MerchantSkuChanged>> context)
    {
        // A bad message is dropped on its own; it must not hold back the good ones of its batch.
        var newest = context.Message
            .Select(m => m.Message)
            .Where(m => m.TenantId != Guid.Empty && m.MerchantSkuId != Guid.Empty && !string.IsNullOrWhiteSpace(m.Code))
            .NewestBy(m => m.MerchantSkuId, m => m.Version);
        if (newest.Count == 0)
        {
            throw new InvalidMessageException("MerchantSkuChanged without a tenantId, merchantSkuId or code.");
        }

        var ids = newest.Select(m => m.MerchantSkuId).ToList();
        var known = await db.MerchantSkus.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, context.CancellationToken);
        foreach (var message in newest)
        {
            if (known.TryGetValue(message.MerchantSkuId, out var sku) && sku.Version >= message.Version)
            {
                continue;
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
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
