namespace PushInventory.Catalog.Domain;

/// <summary>What the Mapping service last said a store SKU maps to (learnt from <c>MappingChanged</c>), so a mapped merchant SKU is not deleted.</summary>
internal sealed class MappedStoreSku
{
    public Guid StoreSkuId { get; set; }
    public Guid TenantId { get; set; }
    public Guid? MerchantSkuId { get; set; }
    public long Version { get; set; }
}
