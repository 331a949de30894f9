namespace PushInventory.Rules.Domain;

/// <summary>A merchant SKU category, learnt from <c>CategoryChanged</c>.</summary>
internal sealed class Category
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }
}
