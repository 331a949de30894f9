using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Catalog.Domain;
using PushInventory.Catalog.Persistence;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Catalog.Consumers;

/// <summary>Learns each tenant's plan from the gateway; a stale or repeated version changes nothing.</summary>
internal sealed class TenantChangedConsumer(CatalogDbContext db) : IConsumer<TenantChanged>
{
    public const string QueueName = "catalog-tenant-changed";

    public async Task Consume(ConsumeContext<TenantChanged> context)
    {
        var message = context.Message;
        if (message.TenantId == Guid.Empty || !Enum.IsDefined(message.Plan))
        {
            throw new InvalidMessageException("TenantChanged needs a tenantId and a known plan.");
        }

        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.TenantId == message.TenantId, context.CancellationToken);
        if (tenant is not null && tenant.Version >= message.Version)
        {
            return;
        }

        if (tenant is null)
        {
            tenant = new TenantPlan { TenantId = message.TenantId };
            db.Tenants.Add(tenant);
        }

        tenant.Plan = message.Plan;
        tenant.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
