using MassTransit;
using Microsoft.Extensions.Logging;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.Stock.Domain;

namespace PushInventory.Stock.Consumers;

/// <summary>Movements from order systems over the bus. A rejected movement is logged with its reason; the rest apply.</summary>
internal sealed partial class StockMovementsReportedConsumer(MovementProcessor processor, ILogger<StockMovementsReportedConsumer> logger) : IConsumer<StockMovementsReported>
{
    public async Task Consume(ConsumeContext<StockMovementsReported> context)
    {
        var message = context.Message;
        if (message.TenantId == Guid.Empty)
        {
            throw new InvalidMessageException("StockMovementsReported without a tenantId.");
        }

        if (message.Movements is not { Count: > 0 and <= MovementRules.MaxPerBatch })
        {
            throw new InvalidMessageException($"StockMovementsReported must carry 1 to {MovementRules.MaxPerBatch} movements.");
        }

        var results = await processor.ApplyAsync(message.TenantId, message.Movements, context.CancellationToken);
        foreach (var rejected in results.Where(r => r.Status == MovementStatus.Rejected))
        {
            LogRejected(logger, message.TenantId, rejected.Id, rejected.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Movement {MovementId} of tenant {TenantId} rejected: {Reason}")]
    static partial void LogRejected(ILogger logger, Guid tenantId, string movementId, string? reason);
}
