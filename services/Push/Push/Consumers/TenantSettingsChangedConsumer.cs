using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;

namespace PushInventory.Push.Consumers;

/// <summary>Keeps a tenant's plan and Inventory Features switch. While the switch is off the dispatcher sends nothing.</summary>
internal sealed class TenantSettingsChangedConsumer(PushDbContext db) : IConsumer<TenantSettingsChanged>
{
    public const string QueueName = "push-tenant-settings-changed";

    public async Task Consume(ConsumeContext<TenantSettingsChanged> context)
    {
        var message = context.Message;
        var settings = await db.TenantSettings.FindAsync([message.TenantId], context.CancellationToken);
        if (settings is not null && settings.Version >= message.Version)
        {
            return;
        }

        if (settings is null)
        {
            settings = new TenantSettings { TenantId = message.TenantId };
            db.TenantSettings.Add(settings);
        }

        settings.Plan = message.Plan;
        settings.InventoryFeaturesEnabled = message.InventoryFeaturesEnabled;
        settings.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
