using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>A marketplace store, learnt from <c>StoreChanged</c>. Credentials stay protected until a push needs them.</summary>
internal sealed class Store
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Marketplace Marketplace { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
    public required string BaseUrl { get; set; }
    public List<string> PlatformWarehouseIds { get; set; } = [];
    public required string ProtectedCredentials { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }
}
