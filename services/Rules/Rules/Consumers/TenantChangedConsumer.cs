using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Rules.Consumers;

/// <summary>
/// A registered tenant gets its settings (Inventory Features off); a plan change updates them. Each change
/// is published as <c>TenantSettingsChanged</c>; a stale or repeated tenant version changes nothing.
/// </summary>
internal sealed class TenantChangedConsumer(RulesDbContext db, TimeProvider time) : IConsumer<TenantChanged>
{
    public const string QueueName = "rules-tenant-changed";

    public async Task Consume(ConsumeContext<TenantChanged> context)
    {
        var message = context.Message;
        if (message.TenantId == Guid.Empty || !Enum.IsDefined(message.Plan))
        {
            throw new InvalidMessageException("TenantChanged without a tenantId or with an unknown plan.");
        }

        var now = time.UtcNow();
        var settings = await db.TenantSettings.FirstOrDefaultAsync(t => t.TenantId == message.TenantId, context.CancellationToken);
        if (settings is not null && settings.TenantVersion >= message.Version)
        {
            return;
        }

        if (settings is null)
        {
            settings = TenantSettings.Default(message.TenantId, now);
            settings.Plan = message.Plan;
            settings.TenantVersion = message.Version;
            db.TenantSettings.Add(settings);
            db.AddOutboxMessage(settings.Changed(now), now);
        }
        else
        {
            settings.TenantVersion = message.Version;
            if (settings.Plan != message.Plan)
            {
                settings.Plan = message.Plan;
                db.AddOutboxMessage(settings.Changed(now), now);
            }
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
