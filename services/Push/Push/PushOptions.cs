using System.ComponentModel.DataAnnotations;
using PushInventory.ServiceDefaults;

namespace PushInventory.Push;

/// <summary>How the Push service dispatches and keeps records. Section <c>Push</c>, validated at start.</summary>
public sealed class PushOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Push";

    /// <summary>How often the dispatcher looks for due pushes when no commit woke it (the fallback).</summary>
    [TimeSpanRange("00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a store lease lasts; it is renewed while a push to the store runs.</summary>
    [TimeSpanRange("00:00:02", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Stores pushed at once by one instance.</summary>
    [Range(1, 256)]
    public int MaxParallelStores { get; set; } = 8;

    /// <summary>Store SKUs of one store sent in one round (one connector call, which batches by itself).</summary>
    [Range(1, 10_000)]
    public int MaxSkusPerRound { get; set; } = 200;

    /// <summary>How long a dispatcher keeps pushing one store while it has due pushes before releasing it to others.</summary>
    [TimeSpanRange("00:00:00", "00:01:00")]
    public TimeSpan MaxStoreHold { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a dispatcher keeps a store it has just pushed once nothing more is due, waiting for a commit
    /// to bring new pushes; zero lets it go at once. Other stores may wait up to this long for their turn.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:00:10")]
    public TimeSpan IdleStoreHold { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Attempts of a retryable failure before the push is recorded Failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first back-off after a retryable failure; it doubles per attempt, with jitter.</summary>
    [TimeSpanRange("00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off.</summary>
    [TimeSpanRange("00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Rows of tenants' catalogs (mappings, merchant SKUs, bundle components, rules, stores) kept in memory by one
    /// instance in all; a tenant's catalog larger than a quarter of it is not kept. Zero turns the cache off.
    /// </summary>
    [Range(0, 100_000_000)]
    public long CatalogCacheRows { get; set; } = 2_000_000;

    /// <summary>How long push records are kept.</summary>
    [TimeSpanRange("01:00:00", "3650.00:00:00")]
    public TimeSpan RecordRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often old records are deleted.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
