namespace PushInventory.Contracts;

/// <summary>The full state of one sellable variant in one store, as the marketplace knows it.</summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="StoreSkuId">Our id for the store SKU.</param>
/// <param name="StoreId">The store it belongs to.</param>
/// <param name="Marketplace">The store's marketplace.</param>
/// <param name="SellerSku">The seller SKU code the marketplace shows.</param>
/// <param name="Name">Display name.</param>
/// <param name="ItemId">Shopee item_id or Lazada item id.</param>
/// <param name="ModelId">Shopee model_id (0 for an item without models).</param>
/// <param name="SkuId">Lazada SkuId or TikTok Shop sku id.</param>
/// <param name="ProductId">TikTok Shop product_id.</param>
/// <param name="PlatformWarehouseIds">The marketplace warehouses this SKU is stocked in; empty means the store's.</param>
/// <param name="ReservedStock">Stock the marketplace has reserved for a running promotion (a floor for pushes).</param>
/// <param name="Deleted">True when the store SKU was deleted.</param>
/// <param name="Version">Grows by one with every change of this store SKU.</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
public sealed record StoreSkuChanged(
    Guid TenantId,
    Guid StoreSkuId,
    Guid StoreId,
    Marketplace Marketplace,
    string SellerSku,
    string Name,
    long? ItemId,
    long? ModelId,
    long? SkuId,
    long? ProductId,
    IReadOnlyList<string> PlatformWarehouseIds,
    int ReservedStock,
    bool Deleted,
    long Version,
    DateTime OccurredAt);
