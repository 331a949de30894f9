namespace PushInventory.Sandbox.Endpoints;

/// <summary>
/// A SKU a shop has, with stock reserved for a promotion. Keys: Shopee <c>{item_id}:{model_id}</c>,
/// Lazada the SellerSku, TikTok Shop <c>{product_id}:{sku_id}</c>. Warehouses: the platform warehouses
/// the SKU is stocked in, where they differ from the shop's.
/// </summary>
internal sealed record KnownSku(string Sku, int ReservedStock, IReadOnlyList<string>? Warehouses = null);
