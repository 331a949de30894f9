namespace PushInventory.Push.Planning;

/// <summary>What a recompute did.</summary>
/// <param name="Queued">New Pending pushes.</param>
/// <param name="Skipped">Skipped records written (superseded or nothing to push).</param>
/// <param name="Unchanged">Store SKUs whose quantity was already on the marketplace or pending.</param>
internal sealed record PlanResult(int Queued, int Skipped, int Unchanged)
{
    public static readonly PlanResult None = new(0, 0, 0);
}
