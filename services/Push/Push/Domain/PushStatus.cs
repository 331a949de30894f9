namespace PushInventory.Push.Domain;

/// <summary>How a push record ended (or that it has not yet).</summary>
internal enum PushStatus
{
    Pending,
    Succeeded,
    Failed,
    Skipped,
}
