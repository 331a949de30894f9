using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Planning;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Push.Consumers;

/// <summary>
/// Takes <see cref="StockLevelsChanged"/> (what the Stock service publishes: the changes of one saved batch
/// of movements) and hands its changes to <see cref="StockChanges"/>, which group-commits them with the
/// tenant's other waiting changes. Several messages are taken at once (the endpoint's concurrent message
/// limit), so under a burst they gather into one group.
/// </summary>
internal sealed class StockLevelsChangedConsumer(StockChanges stockChanges) : IConsumer<StockLevelsChanged>
{
    public const string QueueName = "push-stock-levels-changed";

    public Task Consume(ConsumeContext<StockLevelsChanged> context)
    {
        var message = context.Message;
        if (message.Changes is null || message.Changes.Any(c => c is null || c.TenantId != message.TenantId))
        {
            throw new InvalidMessageException($"StockLevelsChanged of tenant {message.TenantId} needs changes, all of that tenant.");
        }

        return message.Changes.Count == 0 ? Task.CompletedTask : stockChanges.ApplyAsync(message.TenantId, message.Changes, context.CancellationToken);
    }
}
