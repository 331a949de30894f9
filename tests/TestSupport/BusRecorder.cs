using System.Collections.Concurrent;
using MassTransit;

namespace PushInventory.TestSupport;

/// <summary>
/// Records every <typeparamref name="T"/> published on a real bus (in-memory or RabbitMQ) through a
/// temporary receive endpoint of its own, as another service's consumer would see it.
/// </summary>
public sealed class BusRecorder<T> : IAsyncDisposable
    where T : class
{
    readonly ConcurrentQueue<T> _messages = new();
    readonly ConcurrentQueue<Guid?> _messageIds = new();
    HostReceiveEndpointHandle? _handle;

    BusRecorder()
    {
    }

    /// <summary>Everything received so far.</summary>
    public IReadOnlyList<T> Messages => [.. _messages];

    /// <summary>Ids of the messages received so far, one per message (to check exactly-once publication).</summary>
    public IReadOnlyList<Guid?> MessageIds => [.. _messageIds];

    /// <summary>Connects a temporary endpoint to <paramref name="bus"/> and waits until it is ready.</summary>
    public static Task<BusRecorder<T>> StartAsync(IBus bus) => StartAsync<T>(bus, static m => [m]);

    /// <summary>
    /// Records the <typeparamref name="T"/> items that <typeparamref name="TEnvelope"/> messages carry (say the
    /// changes inside a batch event), in order; <see cref="MessageIds"/> then holds the envelopes' ids.
    /// </summary>
    public static async Task<BusRecorder<T>> StartAsync<TEnvelope>(IBus bus, Func<TEnvelope, IEnumerable<T>> unwrap)
        where TEnvelope : class
    {
        var recorder = new BusRecorder<T>();
        recorder._handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), KebabCaseEndpointNameFormatter.Instance, e =>
            e.Handler<TEnvelope>(ctx =>
            {
                foreach (var item in unwrap(ctx.Message))
                {
                    recorder._messages.Enqueue(item);
                }

                recorder._messageIds.Enqueue(ctx.MessageId);
                return Task.CompletedTask;
            }));
        await recorder._handle.Ready;
        return recorder;
    }

    /// <summary>Waits until a message matching <paramref name="predicate"/> arrived and returns it.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan? timeout = null, string? what = null)
    {
        T? found = null;
        await Eventually.WaitAsync(() => (found = _messages.FirstOrDefault(predicate)) is not null, timeout ?? TimeSpan.FromSeconds(20), what ?? $"a {typeof(T).Name}");
        return found!;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages match.</summary>
    public Task WaitForCountAsync(Func<T, bool> predicate, int count, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(() => _messages.Count(predicate) >= count, timeout ?? TimeSpan.FromSeconds(20), $"{count} x {typeof(T).Name}");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.StopAsync();
        }
    }
}
