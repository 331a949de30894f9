using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>
/// Wakes the dispatcher after a save (or an explicit transaction's commit) that added outbox messages, and hands
/// a committed transaction's bulk-written rows to it (<see cref="OutboxHandoff{TContext}"/>).
/// </summary>
internal sealed class OutboxSignalInterceptor<TContext>(OutboxSignal<TContext> signal, OutboxHandoff<TContext> handoff) : ISaveChangesInterceptor, IDbTransactionInterceptor
    where TContext : DbContext
{
    /// <summary>Where rows written in bulk are claimed for their transaction's commit.</summary>
    public OutboxHandoff<TContext> Handoff => handoff;

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfCommitted(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        handoff.Commit(eventData.Context);
        Wake(eventData.Context);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        OutboxHandoff<TContext>.Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => OutboxHandoff<TContext>.Discard(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        OutboxHandoff<TContext>.Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => OutboxHandoff<TContext>.Discard(eventData.Context);

    static void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            OutboxPending.Mark(context);
        }
    }

    void WakeIfCommitted(DbContext? context)
    {
        // Inside an explicit transaction the rows are not visible until the commit, which wakes instead.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Wake(context);
        }
    }

    void Wake(DbContext? context)
    {
        if (context is not null && OutboxPending.Take(context))
        {
            signal.Wake();
        }
    }
}

/// <summary>Contexts that wrote outbox rows not yet committed: their commit wakes the dispatcher.</summary>
internal static class OutboxPending
{
    static readonly object Pending = new();
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Contexts = [];

    public static void Mark(DbContext context) => Contexts.AddOrUpdate(context, Pending);

    public static bool Take(DbContext context) => Contexts.Remove(context);
}
