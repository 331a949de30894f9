using PushInventory.Contracts;

namespace PushInventory.Catalog.Domain;

/// <summary>A marketplace shop. Credentials are kept only as a Data Protection payload; <see cref="CredentialFields"/> names what is set.</summary>
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
    public List<string> CredentialFields { get; set; } = [];
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
