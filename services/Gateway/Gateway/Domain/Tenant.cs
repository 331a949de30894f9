using PushInventory.Contracts;

namespace PushInventory.Gateway.Domain;

internal sealed class Tenant
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Plan Plan { get; set; }

    /// <summary>SHA-256 of the API key; the key itself is shown once and never stored.</summary>
    public required string ApiKeyHash { get; set; }

    /// <summary>The key's first characters, to tell keys apart in audit logs without revealing them.</summary>
    public required string ApiKeyPrefix { get; set; }

    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
}
