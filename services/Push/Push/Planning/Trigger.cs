using PushInventory.Push.Domain;

namespace PushInventory.Push.Planning;

/// <summary>A change that asks for the given store SKUs to be recomputed.</summary>
/// <param name="Reason">Why, as the push records show it.</param>
/// <param name="StoreSkuIds">The affected store SKUs.</param>
/// <param name="OccurredAt">When the triggering change happened (push latency starts there).</param>
/// <param name="JobId">The Push Now job, if any.</param>
internal sealed record Trigger(TriggerReason Reason, IReadOnlyCollection<Guid> StoreSkuIds, DateTime OccurredAt, Guid? JobId = null)
{
    /// <summary>What the trigger's work already read of the snapshot, so the recompute does not read it again.</summary>
    public SnapshotLoader.Preloaded? Preloaded { get; init; }

    /// <summary>Push Now and Retry push even an unchanged quantity.</summary>
    public bool Force => Reason is TriggerReason.PushNow or TriggerReason.Retry;

    /// <summary>
    /// Whether a decision without a push is recorded as Skipped with its reason. Deliberate requests and
    /// mapping changes are; stock and store SKU changes are not, so a busy SKU without a rule does not flood the log.
    /// </summary>
    public bool RecordsNoPush => Reason is TriggerReason.PushNow or TriggerReason.Retry or TriggerReason.MappingChanged;
}
