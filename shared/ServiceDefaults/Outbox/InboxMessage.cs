namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>A message a consumer has handled, recorded in the same transaction as the consumer's effects.</summary>
public sealed class InboxMessage
{
    /// <summary>The message id.</summary>
    public Guid MessageId { get; set; }

    /// <summary>The consumer (queue) that handled it: two consumers of one message each record it.</summary>
    public required string Consumer { get; set; }

    /// <summary>When it was handled (UTC).</summary>
    public DateTime HandledAt { get; set; }
}
