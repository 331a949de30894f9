using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>A sellable variant in one store, learnt from <c>StoreSkuChanged</c>.</summary>
internal sealed class StoreSku
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public Marketplace Marketplace { get; set; }
    public required string SellerSku { get; set; }
    public required string Name { get; set; }
    public long? ItemId { get; set; }
    public long? ModelId { get; set; }
    public long? SkuId { get; set; }
    public long? ProductId { get; set; }
    public List<string> PlatformWarehouseIds { get; set; } = [];
    public int ReservedStock { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }
}
