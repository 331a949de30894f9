namespace PushInventory.Rules.Domain;

/// <summary>One store a rule pushes to, in the order given (a child table, so rules can be filtered by store).</summary>
internal sealed class PushRuleStore
{
    public Guid TenantId { get; set; }
    public Guid RuleId { get; set; }
    public Guid StoreId { get; set; }
    public int Position { get; set; }
}
