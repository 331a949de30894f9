using PushInventory.Contracts;

namespace PushInventory.Rules.Domain;

/// <summary>What the Rules service knows of a Catalog store, learnt from <c>StoreChanged</c>: enough to validate rules.</summary>
internal sealed class Store
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Marketplace Marketplace { get; set; }
    public required string Name { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }
}
