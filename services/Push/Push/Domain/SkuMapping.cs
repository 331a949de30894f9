namespace PushInventory.Push.Domain;

/// <summary>Which merchant SKU a store SKU is mapped to, learnt from <c>MappingChanged</c> (it may arrive before the store SKU).</summary>
internal sealed class SkuMapping
{
    public Guid StoreSkuId { get; set; }
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public Guid? MerchantSkuId { get; set; }
    public string? MerchantSkuCode { get; set; }
    public long Version { get; set; }
}
