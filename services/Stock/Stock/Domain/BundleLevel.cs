namespace PushInventory.Stock.Domain;

/// <summary>A bundle's computed availability in one warehouse, versioned like a level.</summary>
internal sealed class BundleLevel
{
    public Guid TenantId { get; set; }
    public Guid BundleId { get; set; }
    public Guid WarehouseId { get; set; }
    public int Available { get; set; }
    public long Version { get; set; }
    public DateTime UpdatedAt { get; set; }
}
