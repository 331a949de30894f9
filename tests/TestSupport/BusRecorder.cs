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
    readonly ConcurrentQueue<(T Message, Guid? MessageId)> _messages = new();
    HostReceiveEndpointHandle? _handle;

    BusRecorder()
    {
    }

    /// <summary>Everything received so far.</summary>
    public IReadOnlyList<T> Messages => _messages.Select(m => m.Message).ToList();

    /// <summary>Message ids received so far (to check exactly-once publication).</summary>
    public IReadOnlyList<Guid?> MessageIds => _messages.Select(m => m.MessageId).ToList();

    /// <summary>Connects a temporary endpoint to <paramref name="bus"/> and waits until it is ready.</summary>
    public static async Task<BusRecorder<T>> StartAsync(IBus bus)
    {
        var recorder = new BusRecorder<T>();
        recorder._handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), KebabCaseEndpointNameFormatter.Instance, e =>
            e.Handler<T>(ctx =>
            {
                recorder._messages.Enqueue((ctx.Message, ctx.MessageId));
                return Task.CompletedTask;
            }));
        await recorder._handle.Ready;
        return recorder;
    }

    /// <summary>Waits until a message matching <paramref name="predicate"/> arrived and returns it.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan? timeout = null, string? what = null)
    {
        T? found = null;
        await Eventually.WaitAsync(() => (found = _messages.Select(m => m.Message).FirstOrDefault(predicate)) is not null, timeout ?? TimeSpan.FromSeconds(20), what ?? $"a {typeof(T).Name}");
        return found!;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages match.</summary>
    public Task WaitForCountAsync(Func<T, bool> predicate, int count, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(() => _messages.Count(m => predicate(m.Message)) >= count, timeout ?? TimeSpan.FromSeconds(20), $"{count} x {typeof(T).Name}");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.StopAsync();
        }
    }
}
