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
/// Learns store SKUs from the Catalog; a stale or repeated version changes nothing. A deleted store SKU loses
/// its link. When the tenant auto-maps new SKUs, an unmapped store SKU that appears (or whose seller SKU
/// changes) is mapped at once if its normalised seller SKU matches one merchant SKU.
/// </summary>
internal sealed class StoreSkuChangedConsumer(MappingDbContext db, TimeProvider time) : IConsumer<StoreSkuChanged>
{
    public const string QueueName = "mapping-store-sku-changed";

    public Task Consume(ConsumeContext<StoreSkuChanged> context) =>
        // One at a time per tenant with the other auto-mapping consumer: a merchant SKU and a store SKU that
        // arrive together each look for the other, and beside each other neither would see it.
        TenantTransaction.RunAsync(db, AutoMapping.LockKind, context.Message.TenantId, ct => ApplyAsync(context.Message, ct), context.CancellationToken);

    async Task ApplyAsync(StoreSkuChanged message, CancellationToken ct)
    {
        var sku = await db.StoreSkus.FirstOrDefaultAsync(s => s.Id == message.StoreSkuId, ct);
        if (sku is not null && sku.TenantId != message.TenantId)
        {
            throw new InvalidMessageException($"Store SKU {message.StoreSkuId} belongs to another tenant.");
        }

        if (sku is not null && sku.Version >= message.Version)
        {
            return;
        }

        var now = LinkChanges.Now(time);
        var sellerSku = (message.SellerSku ?? "").Trim();
        var arrived = sku is null || sku.Deleted || sku.SellerSku != sellerSku;
        if (sku is null)
        {
            sku = new StoreSku { Id = message.StoreSkuId, TenantId = message.TenantId, SellerSku = sellerSku, NormalizedSellerSku = "" };
            db.StoreSkus.Add(sku);
        }

        var settings = await db.NormalizationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == message.TenantId, ct);
        sku.StoreId = message.StoreId;
        sku.SellerSku = sellerSku;
        sku.NormalizedSellerSku = Codes.Normalize(sellerSku);
        sku.MatchKey = LinkChanges.MatchKey(new Normalizer(settings?.Rules ?? NormalizationRules.None), sellerSku);
        sku.Deleted = message.Deleted;
        sku.Version = message.Version;

        if (sku.Deleted)
        {
            LinkChanges.Relink(db, sku, null, MerchantSkuChangedConsumer.Actor, ChangeReason.StoreSkuDeleted, now);
        }
        else if (arrived && settings is { AutoMapNewStoreSkus: true })
        {
            await AutoMapping.MapArrivedStoreSkuAsync(db, sku, now, ct);
        }

        await db.SaveChangesAsync(ct);
    }
}
