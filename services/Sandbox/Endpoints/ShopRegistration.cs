namespace PushInventory.Sandbox.Endpoints;

/// <summary>
/// A shop to register. Shopee: PartnerId, PartnerKey, ShopId, AccessToken (key: shop_id). Lazada: AppKey,
/// AppSecret, AccessToken (key: the access token, i.e. the seller). TikTok Shop/Tokopedia: AppKey,
/// AppSecret, AccessToken, ShopCipher (key: shop_cipher). With Skus, only those SKUs exist. With
/// Warehouses, the shop has those platform warehouses (Shopee location ids, Lazada warehouse codes,
/// TikTok warehouse ids); without, it is a single-warehouse shop.
/// </summary>
internal sealed record ShopRegistration(
    string? Marketplace,
    long? PartnerId,
    string? PartnerKey,
    long? ShopId,
    string? AppKey,
    string? AppSecret,
    string? AccessToken,
    string? ShopCipher,
    IReadOnlyList<KnownSku>? Skus,
    IReadOnlyList<string>? Warehouses = null);
