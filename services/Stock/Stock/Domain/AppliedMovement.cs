namespace PushInventory.Stock.Domain;

/// <summary>A movement id already applied: the same id again changes nothing.</summary>
internal sealed class AppliedMovement
{
    public Guid TenantId { get; set; }
    public required string MovementId { get; set; }
    public Guid MerchantSkuId { get; set; }
    public Guid WarehouseId { get; set; }
    public long LevelVersion { get; set; }
    public DateTime AppliedAt { get; set; }
}
