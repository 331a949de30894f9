using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Planning;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Push.Consumers;

/// <summary>
/// Takes <see cref="StockLevelsChanged"/> (what the Stock service publishes: the changes of one saved batch
/// of movements) and hands its changes to <see cref="StockChanges"/>, which group-commits them with the
/// tenant's other waiting changes. Many messages are taken at once (<see cref="ConcurrencyLimit"/>), so
/// under a steady stream of small ones (an order system posting a few movements at a time) the group, and
/// so the throughput, grows with the backlog: with 16 at once, 1,000 movements/s in requests of 10 meant
/// groups of at most 160 changes, fewer than arrived while one was saved, and the queue grew.
/// </summary>
internal sealed class StockLevelsChangedConsumer(StockChanges stockChanges) : IConsumer<StockLevelsChanged>
{
    public const string QueueName = "push-stock-levels-changed";

    /// <summary>Messages in flight at once (each holds at most <see cref="StockLevelsChanged.MaxChanges"/> changes).</summary>
    public const int ConcurrencyLimit = 128;

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
