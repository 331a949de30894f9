using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Planning;

namespace PushInventory.Push.Consumers;

/// <summary>
/// Takes <see cref="StockChanged"/> in batches (up to <see cref="MessageLimit"/>, or what came within
/// <see cref="TimeLimit"/>) and hands each tenant's share to <see cref="StockChanges"/>, which group-commits
/// it with the tenant's other waiting batches. Several batches are taken at once, so a burst gathers into
/// large groups while a quiet stream is applied message by message without waiting.
/// </summary>
internal sealed class StockChangedConsumer(StockChanges stockChanges) : IConsumer<Batch<StockChanged>>
{
    public const string QueueName = "push-stock-changed";
    public const int MessageLimit = 100;

    /// <summary>
    /// Batches in flight at once: the ones waiting join the next group of their tenant. Many, since under a
    /// steady stream each 2 ms batch is small: the group (and so the throughput) can only be as large as the
    /// batches waiting for it.
    /// </summary>
    public const int ConcurrencyLimit = 50;

    /// <summary>Short: coalescing happens in the groups, the window only adds latency.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(2);

    public Task Consume(ConsumeContext<Batch<StockChanged>> context) =>
        Task.WhenAll(context.Message
            .Select(m => m.Message)
            .GroupBy(m => m.TenantId)
            .Select(tenant => stockChanges.ApplyAsync(tenant.Key, [.. tenant], context.CancellationToken)));
}
