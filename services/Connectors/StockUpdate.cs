namespace PushInventory.Connectors;

/// <summary>The stock one store SKU should show.</summary>
/// <param name="StoreSkuId">Our id of the store SKU; results carry it back.</param>
/// <param name="SellerSku">The seller SKU code (Lazada matches partial failures by it).</param>
/// <param name="ItemId">Shopee item_id, Lazada ItemId.</param>
/// <param name="ModelId">Shopee model_id (null or 0 for an item without models).</param>
/// <param name="SkuId">Lazada SkuId, TikTok Shop sku id.</param>
/// <param name="ProductId">TikTok Shop product_id.</param>
/// <param name="PlatformWarehouseIds">The marketplace warehouses this SKU is stocked in; empty means the store's.
/// Where there are several, the whole quantity goes to the first and the others get 0, so buyers never
/// see more than <paramref name="Quantity"/> in total.</param>
/// <param name="Quantity">The stock to set (0 or more).</param>
/// <param name="PreOrder">Shopee only: the pre-order state to set on the item before its stock; null leaves it as is.</param>
public sealed record StockUpdate(
    Guid StoreSkuId,
    string SellerSku,
    long? ItemId,
    long? ModelId,
    long? SkuId,
    long? ProductId,
    IReadOnlyList<string> PlatformWarehouseIds,
    int Quantity,
    PreOrderSetting? PreOrder = null);
