namespace PushInventory.Push.Domain;

/// <summary>A push rule: the full <c>PushRuleChanged</c> snapshot, kept as JSON, and the newest version.</summary>
internal sealed class PushRule
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }
    public required string Snapshot { get; set; }
}
