namespace PushInventory.Rules.Domain;

/// <summary>One change of a rule: who, when, and the rule before and after as JSON snapshots.</summary>
internal sealed class RuleAuditEntry
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid RuleId { get; set; }
    /// <summary>The rule's version after the change; orders the log.</summary>
    public long RuleVersion { get; set; }
    public RuleAction Action { get; set; }
    public required string Actor { get; set; }
    public DateTime At { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
