using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Rules.Consumers;

/// <summary>Keeps the newest version of each warehouse; a stale or repeated version changes nothing.</summary>
internal sealed class WarehouseChangedConsumer(RulesDbContext db) : IConsumer<WarehouseChanged>
{
    public const string QueueName = "rules-warehouse-changed";

    public async Task Consume(ConsumeContext<WarehouseChanged> context)
    {
        var message = context.Message;
        if (message.TenantId == Guid.Empty || message.WarehouseId == Guid.Empty || string.IsNullOrWhiteSpace(message.Code))
        {
            throw new InvalidMessageException("WarehouseChanged without a tenantId, warehouseId or code.");
        }

        var warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Id == message.WarehouseId, context.CancellationToken);
        if (warehouse is not null && warehouse.Version >= message.Version)
        {
            return;
        }

        if (warehouse is null)
        {
            warehouse = new Warehouse { Id = message.WarehouseId, TenantId = message.TenantId, Code = "", NormalizedCode = "", Name = "" };
            db.Warehouses.Add(warehouse);
        }

        warehouse.Code = message.Code.Trim();
        warehouse.NormalizedCode = Codes.Normalize(message.Code);
        warehouse.Name = (message.Name ?? "").Trim();
        warehouse.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
