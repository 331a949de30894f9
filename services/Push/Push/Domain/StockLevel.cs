namespace PushInventory.Push.Domain;

/// <summary>The newest known level of a (merchant SKU, warehouse), learnt from <c>StockChanged</c>.</summary>
internal sealed class StockLevel
{
    public Guid TenantId { get; set; }
    public Guid MerchantSkuId { get; set; }
    public Guid WarehouseId { get; set; }
    public required string MerchantSkuCode { get; set; }
    public required string WarehouseCode { get; set; }
    public int OnHand { get; set; }
    public int Allocated { get; set; }
    public int Available { get; set; }
    public long Version { get; set; }
    public DateTime OccurredAt { get; set; }
}
