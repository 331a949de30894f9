using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Planning;

namespace PushInventory.Push.Consumers;

/// <summary>
/// Takes single <see cref="StockChanged"/> messages (the Stock service publishes them grouped, as
/// <see cref="StockLevelsChanged"/>; other publishers may send them one by one) in batches (up to <see cref="MessageLimit"/>, or what came within
/// <see cref="TimeLimit"/>) and hands each tenant's share to <see cref="StockChanges"/>, which group-commits
/// it with the tenant's other waiting batches. Several batches are taken at once, so a burst gathers into
/// large groups while a quiet stream is applied message by message without waiting.
/// </summary>
internal sealed class StockChangedConsumer(StockChanges stockChanges) : IConsumer<Batch<StockChanged>>
{
    public const string QueueName = "push-stock-changed";
    public const int MessageLimit = 100;

    /// <summary>
    /// Batches in flight at once: the ones waiting join the next group of their tenant. Under a steady stream
    /// each 2 ms batch is small, and a group can only be as large as the batches waiting for it; but every
    /// message in flight holds its own receive pipeline in memory, so not too many.
    /// </summary>
    public const int ConcurrencyLimit = 16;

    /// <summary>Short: coalescing happens in the groups, the window only adds latency.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(2);

    public Task Consume(ConsumeContext<Batch<StockChanged>> context) =>
        Task.WhenAll(context.Message
            .Select(m => m.Message)
            .GroupBy(m => m.TenantId)
            .Select(tenant => stockChanges.ApplyAsync(tenant.Key, [.. tenant], context.CancellationToken)));
}
