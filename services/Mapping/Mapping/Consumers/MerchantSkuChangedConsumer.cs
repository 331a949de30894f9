using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Mapping.Domain;
using PushInventory.Mapping.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Mapping.Consumers;

/// <summary>
/// Learns merchant SKUs from the Catalog; a stale or repeated version changes nothing. A deleted merchant SKU
/// unlinks every store SKU pointing at it. A renamed one keeps its links (their code follows). When the tenant
/// auto-maps new SKUs, a merchant SKU that appears (or whose code changes) maps the unmapped store SKUs
/// already waiting with that code.
/// </summary>
internal sealed class MerchantSkuChangedConsumer(MappingDbContext db, TimeProvider time) : IConsumer<MerchantSkuChanged>
{
    public const string QueueName = "mapping-merchant-sku-changed";
    public const string Actor = "catalog";

    public Task Consume(ConsumeContext<MerchantSkuChanged> context) =>
        // One at a time per tenant with the other auto-mapping consumer: a merchant SKU and a store SKU that
        // arrive together each look for the other, and beside each other neither would see it.
        TenantTransaction.RunAsync(db, AutoMapping.LockKind, context.Message.TenantId, ct => ApplyAsync(context.Message, ct), context.CancellationToken);

    async Task ApplyAsync(MerchantSkuChanged message, CancellationToken ct)
    {
        var sku = await db.MerchantSkus.FirstOrDefaultAsync(s => s.Id == message.MerchantSkuId, ct);
        if (sku is not null && sku.TenantId != message.TenantId)
        {
            throw new InvalidMessageException($"Merchant SKU {message.MerchantSkuId} belongs to another tenant.");
        }

        if (sku is not null && sku.Version >= message.Version)
        {
            return;
        }

        var now = LinkChanges.Now(time);
        var wasLive = sku is { Deleted: false };
        var code = (message.Code ?? "").Trim();
        var normalized = Codes.Normalize(code);
        var codeChanged = sku is not null && sku.Code != code;
        if (sku is null)
        {
            sku = new MerchantSku { Id = message.MerchantSkuId, TenantId = message.TenantId, Code = code, NormalizedCode = normalized };
            db.MerchantSkus.Add(sku);
        }

        sku.Code = code;
        sku.NormalizedCode = normalized;
        sku.Deleted = message.Deleted;
        sku.Version = message.Version;

        if (sku.Deleted || codeChanged)
        {
            var linked = await db.StoreSkus.Where(s => s.TenantId == sku.TenantId && s.MerchantSkuId == sku.Id).ToListAsync(ct);
            foreach (var storeSku in linked)
            {
                if (sku.Deleted)
                {
                    LinkChanges.Relink(db, storeSku, null, Actor, ChangeReason.MerchantSkuDeleted, now);
                }
                else
                {
                    storeSku.MerchantSkuCode = sku.Code;
                }
            }
        }

        if (!sku.Deleted && (!wasLive || codeChanged)
            && await db.NormalizationSettings.AnyAsync(s => s.TenantId == sku.TenantId && s.AutoMapNewStoreSkus, ct))
        {
            await AutoMapping.MapWaitingStoreSkusAsync(db, sku, now, ct);
        }

        await db.SaveChangesAsync(ct);
    }
}
