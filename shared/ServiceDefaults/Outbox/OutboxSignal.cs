namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>Wakes the dispatcher of one DbContext type when a commit may have saved outbox messages.</summary>
public sealed class OutboxSignal<TContext> : WakeSignal;
