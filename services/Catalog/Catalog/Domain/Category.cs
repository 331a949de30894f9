namespace PushInventory.Catalog.Domain;

/// <summary>A merchant SKU category; names are unique per tenant, compared trimmed and case-insensitively.</summary>
internal sealed class Category
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required string NormalizedName { get; set; }
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
