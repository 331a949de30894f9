using System.Collections.Concurrent;

namespace PushInventory.ServiceDefaults;

/// <summary>
/// Group commit per key: callers submit lists of items and wait; for each key one worker at a time takes
/// everything submitted so far (up to <c>maxItems</c>, never splitting a submission), applies it in one go,
/// and hands each caller its share of the results. An idle key applies a submission at once; under load the
/// groups grow by themselves, so the cost per item falls as the load rises instead of a backlog building up.
/// </summary>
/// <typeparam name="TKey">What serialises the work (a tenant).</typeparam>
/// <typeparam name="TItem">One unit of input.</typeparam>
/// <typeparam name="TResult">One result per item, in input order.</typeparam>
public sealed class GroupCommit<TKey, TItem, TResult>(
    Func<TKey, List<TItem>, Task<IReadOnlyList<TResult>>> apply,
    int maxItems)
    where TKey : notnull
{
    readonly ConcurrentDictionary<TKey, KeyQueue> _queues = new();

    /// <summary>Applies <paramref name="items"/> with whatever else is waiting for <paramref name="key"/>; returns their results in order.</summary>
    public Task<IReadOnlyList<TResult>> SubmitAsync(TKey key, IReadOnlyList<TItem> items, CancellationToken cancellationToken)
    {
        var queue = _queues.GetOrAdd(key, _ => new KeyQueue());
        var waiting = new Waiting(items, cancellationToken);
        bool lead;
        lock (queue)
        {
            queue.Submissions.Enqueue(waiting);
            lead = !queue.Draining;
            queue.Draining = true;
        }

        if (lead)
        {
            _ = Task.Run(() => DrainAsync(key, queue), CancellationToken.None);
        }

        return waiting.Done.Task.WaitAsync(cancellationToken);
    }

    async Task DrainAsync(TKey key, KeyQueue queue)
    {
        while (true)
        {
            var group = new List<Waiting>();
            var count = 0;
            lock (queue)
            {
                while (queue.Submissions.TryPeek(out var next) && (group.Count == 0 || count + next.Items.Count <= maxItems))
                {
                    queue.Submissions.Dequeue();
                    if (next.CancellationToken.IsCancellationRequested)
                    {
                        next.Done.TrySetCanceled(next.CancellationToken);
                        continue;
                    }

                    group.Add(next);
                    count += next.Items.Count;
                }

                if (group.Count == 0)
                {
                    queue.Draining = false;
                    return;
                }
            }

            try
            {
                var results = await apply(key, [.. group.SelectMany(w => w.Items)]);
                var offset = 0;
                foreach (var waiting in group)
                {
                    var share = new TResult[waiting.Items.Count];
                    for (var i = 0; i < share.Length; i++)
                    {
                        share[i] = results[offset + i];
                    }

                    waiting.Done.TrySetResult(share);
                    offset += share.Length;
                }
            }
            catch (Exception ex)
            {
                foreach (var waiting in group)
                {
                    waiting.Done.TrySetException(ex);
                }
            }
        }
    }

    sealed class KeyQueue
    {
        public Queue<Waiting> Submissions { get; } = new();
        public bool Draining { get; set; }
    }

    sealed record Waiting(IReadOnlyList<TItem> Items, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<IReadOnlyList<TResult>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
