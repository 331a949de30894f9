namespace PushInventory.Mapping.Domain;

/// <summary>One entry of the mapping change log: who changed which link, when, from what to what.</summary>
internal sealed class MappingChange
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid StoreSkuId { get; set; }
    public Guid StoreId { get; set; }
    public Guid? MerchantSkuIdBefore { get; set; }
    public string? MerchantSkuCodeBefore { get; set; }
    public Guid? MerchantSkuIdAfter { get; set; }
    public string? MerchantSkuCodeAfter { get; set; }
    public long Version { get; set; }
    public ChangeReason Reason { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
}
