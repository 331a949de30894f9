using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>
/// Outbox rows written in bulk inside a transaction are claimed as they are written (a token of their
/// transaction and a lease of <see cref="OutboxOptions.Lease"/>) and handed to this process's dispatcher when the
/// transaction commits, with the messages themselves: the dispatcher publishes them at once, without finding,
/// claiming and reading them back with statements of its own. Rows of a transaction that rolls back never
/// existed and are never handed off. Rows handed off and not published (the process stopped first) are
/// published by any instance's dispatcher once their lease has run out, as rows whose publisher died are.
/// </summary>
internal sealed class OutboxHandoff<TContext>(IOptions<OutboxOptions> options)
    where TContext : DbContext
{
    // By transaction object: each BeginTransaction makes a new one, so nothing of one unit of work reaches another,
    // and an abandoned transaction's rows go with it.
    static readonly ConditionalWeakTable<IDbContextTransaction, Batch> Open = [];

    readonly Channel<Batch> _committed = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>What committed transactions handed off, in commit order.</summary>
    public ChannelReader<Batch> Committed => _committed.Reader;

    /// <summary>
    /// Claims <paramref name="rows"/> (with <paramref name="messages"/>, one each) for the handoff when they are
    /// written inside a transaction of <paramref name="db"/> that claimed at most <see cref="OutboxOptions.BatchSize"/>
    /// rows in all; false otherwise, and they are left unclaimed for the rounds. A large write (an import of
    /// thousands) is published a batch per round as before, instead of being held in memory and published in one
    /// go that could outlast its claim.
    /// </summary>
    public bool Claim(DbContext db, IReadOnlyList<OutboxMessage> rows, IReadOnlyList<object> messages, DateTime now)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            return false;
        }

        var batch = Open.GetValue(transaction, _ => new Batch(Guid.NewGuid()));
        var leaseEnd = now + options.Value.Lease;
        lock (batch.Messages)
        {
            if (batch.Messages.Count + rows.Count > options.Value.BatchSize)
            {
                return false;
            }

            for (var i = 0; i < rows.Count; i++)
            {
                rows[i].LockToken = batch.Token;
                rows[i].LockedUntil = leaseEnd;
                batch.Messages.Add(new(rows[i], messages[i]));
            }
        }

        return true;
    }

    /// <summary>The transaction of <paramref name="context"/> committed: its claimed rows go to the dispatcher.</summary>
    public void Commit(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is { } transaction && Open.TryGetValue(transaction, out var batch))
        {
            Open.Remove(transaction);
            _committed.Writer.TryWrite(batch);
        }
    }

    /// <summary>The transaction of <paramref name="context"/> rolled back or failed: its rows do not exist.</summary>
    public static void Discard(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is { } transaction)
        {
            Open.Remove(transaction);
        }
    }

    /// <summary>The rows one transaction claimed, with their messages.</summary>
    internal sealed record Batch(Guid Token)
    {
        public List<HandedOff> Messages { get; } = [];
    }

    /// <summary>A row as written and the message it holds.</summary>
    internal sealed record HandedOff(OutboxMessage Row, object Message);
}
