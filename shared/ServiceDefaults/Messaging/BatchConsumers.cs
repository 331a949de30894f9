using MassTransit;

namespace PushInventory.ServiceDefaults.Messaging;

/// <summary>Registers consumers of <c>Batch&lt;T&gt;</c> with an endpoint sized for their batches.</summary>
public static class BatchConsumers
{
    /// <summary>How long a batch waits for more messages after its first one.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Adds <typeparamref name="TConsumer"/> on queue <paramref name="queueName"/>: batches of up to
    /// <paramref name="messageLimit"/> messages (or what arrived within <paramref name="timeLimit"/>, by default <see cref="DefaultTimeLimit"/>),
    /// <paramref name="concurrencyLimit"/> batches at once, and the endpoint's concurrent message limit raised
    /// so whole batches fit.
    /// </summary>
    public static IBusRegistrationConfigurator AddBatchConsumer<TConsumer>(this IBusRegistrationConfigurator bus, string queueName, int messageLimit, int concurrencyLimit = 1, TimeSpan? timeLimit = null)
        where TConsumer : class, IConsumer
    {
        bus.AddConsumer<TConsumer>(c => c.Options<BatchOptions>(o => o
                .SetMessageLimit(messageLimit)
                .SetTimeLimit(timeLimit ?? DefaultTimeLimit)
                .SetConcurrencyLimit(concurrencyLimit)))
            .Endpoint(e =>
            {
                e.Name = queueName;
                e.ConcurrentMessageLimit = messageLimit * concurrencyLimit;
                // The next batch is waiting in the buffer while one is consumed.
                e.PrefetchCount = 2 * messageLimit * concurrencyLimit;
            });
        return bus;
    }

    /// <summary>The newest message (highest <paramref name="version"/>) of each <paramref name="key"/>: the older ones of a batch are superseded before anything is written.</summary>
    public static List<T> NewestBy<T, TKey>(this IEnumerable<T> messages, Func<T, TKey> key, Func<T, long> version) =>
        [.. messages.GroupBy(key).Select(g => g.MaxBy(version)!)];
}
