using System.ComponentModel.DataAnnotations;

namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>How the outbox dispatcher works. Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Outbox";

    /// <summary>How often to look for messages when no commit woke the dispatcher (the fallback).</summary>
    [TimeSpanRange("00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds its messages before another instance may take them.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages claimed at once.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Publishes of one batch awaiting the broker's confirm at once.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentPublishes { get; set; } = 64;

    /// <summary>
    /// How long handed-off messages, once published, wait to be marked sent, so that one statement marks the
    /// messages of many commits (zero: each publish marks its own). Well within <see cref="Lease"/>: a message
    /// not marked when its lease ends is published again.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:00:05")]
    public TimeSpan MarkSentDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failed publish attempts before a message is set aside as failed.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long published messages (and handled inbox ids) are kept.</summary>
    [TimeSpanRange("00:00:01", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);
}
