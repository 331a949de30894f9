using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PushInventory.Contracts;
using PushInventory.Mapping.Domain;
using PushInventory.Mapping.Persistence;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Mapping.Consumers;

/// <summary>
/// The Catalog's "create and map in one step". The Catalog sends it right after the merchant SKU's
/// <c>MerchantSkuChanged</c>, which may not have arrived yet: while either SKU is unknown here the consumer
/// throws, and the bus's retry policy delivers it again (after the last retry it lands in the _error queue,
/// where an operator can move it back). Links are never recorded on ids this service has not seen, because
/// every <c>MappingChanged</c> must carry the store SKU's store. A SKU already deleted is logged and dropped.
/// Handled once (inbox); the change is logged as by <c>RequestedBy</c>, or "catalog" when empty.
/// </summary>
internal sealed partial class LinkStoreSkuConsumer(MappingDbContext db, TimeProvider time, ILogger<LinkStoreSkuConsumer> logger) : IConsumer<LinkStoreSku>
{
    public const string QueueName = "mapping-link-store-sku";

    public async Task Consume(ConsumeContext<LinkStoreSku> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        if (message.TenantId == Guid.Empty || message.StoreSkuId == Guid.Empty || message.MerchantSkuId == Guid.Empty)
        {
            throw new InvalidMessageException("LinkStoreSku needs a tenantId, a storeSkuId and a merchantSkuId.");
        }

        var now = LinkChanges.Now(time);
        if (!await db.TryRecordInboxAsync(context.MessageId, QueueName, now, ct))
        {
            return;
        }

        var storeSku = await db.StoreSkus.FirstOrDefaultAsync(s => s.Id == message.StoreSkuId, ct);
        var merchant = await db.MerchantSkus.AsNoTracking().FirstOrDefaultAsync(s => s.Id == message.MerchantSkuId, ct);
        if ((storeSku is not null && storeSku.TenantId != message.TenantId) || (merchant is not null && merchant.TenantId != message.TenantId))
        {
            throw new InvalidMessageException($"LinkStoreSku of tenant {message.TenantId} names another tenant's SKU.");
        }

        if (storeSku is null || merchant is null)
        {
            throw new InvalidOperationException(
                $"LinkStoreSku: {(storeSku is null ? $"store SKU {message.StoreSkuId}" : $"merchant SKU {message.MerchantSkuId}")} is not known yet; retrying.");
        }

        if (storeSku.Deleted || merchant.Deleted)
        {
            LogDropped(logger, message.TenantId, message.StoreSkuId, message.MerchantSkuId);
        }
        else
        {
            var actor = string.IsNullOrWhiteSpace(message.RequestedBy) ? MerchantSkuChangedConsumer.Actor : message.RequestedBy.Trim();
            LinkChanges.Relink(db, storeSku, merchant, actor, ChangeReason.LinkCommand, now);
        }

        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LinkStoreSku of tenant {TenantId} dropped: store SKU {StoreSkuId} or merchant SKU {MerchantSkuId} is deleted")]
    static partial void LogDropped(ILogger logger, Guid tenantId, Guid storeSkuId, Guid merchantSkuId);
}
