namespace PushInventory.Mapping.Domain;

/// <summary>What the Mapping service knows of a Catalog store, learnt from <c>StoreChanged</c>.</summary>
internal sealed class Store
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }
}
