namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>A message saved in the same transaction as the change it announces, published later by the dispatcher.</summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order, used to publish roughly in the order messages were saved.</summary>
    public long Sequence { get; set; }

    /// <summary>The message id consumers see (and record in their inbox).</summary>
    public Guid Id { get; set; }

    /// <summary>The CLR type (assembly-qualified, without version) of the message.</summary>
    public required string MessageType { get; set; }

    /// <summary>The message as JSON.</summary>
    public required string Body { get; set; }

    /// <summary>W3C traceparent of the activity that saved the message, so the trace continues across the bus.</summary>
    public string? TraceParent { get; set; }

    /// <summary>When it was saved (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it was published (UTC); null until then.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Failed publish attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be tried before this time (UTC): the lease of the instance that claimed it, or a back-off.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>The claim that holds the lease.</summary>
    public Guid? LockToken { get; set; }

    /// <summary>The last publish error.</summary>
    public string? LastError { get; set; }

    /// <summary>Set when the message gave up after the maximum attempts (UTC); it stays for an operator.</summary>
    public DateTime? FailedAt { get; set; }
}
