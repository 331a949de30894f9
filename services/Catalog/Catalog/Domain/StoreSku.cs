namespace PushInventory.Catalog.Domain;

/// <summary>
/// One sellable variant in one store. <see cref="MarketplaceKey"/> is the marketplace's own identity of it
/// (Shopee item:model, Lazada item:sku, TikTok Shop product:sku), unique per store.
/// </summary>
internal sealed class StoreSku
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public required string MarketplaceKey { get; set; }
    public required string SellerSku { get; set; }
    public required string NormalizedSellerSku { get; set; }
    public required string Name { get; set; }
    public long? ItemId { get; set; }
    public long? ModelId { get; set; }
    public long? SkuId { get; set; }
    public long? ProductId { get; set; }
    public List<string> PlatformWarehouseIds { get; set; } = [];
    public int ReservedStock { get; set; }
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
