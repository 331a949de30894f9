namespace PushInventory.Connectors;

/// <summary>
/// API credentials of a shop. Shopee uses PartnerId, PartnerKey, ShopId and AccessToken; Lazada uses
/// AppKey, AppSecret and AccessToken; TikTok Shop and Tokopedia use AppKey, AppSecret, AccessToken
/// and ShopCipher. <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed record StoreCredentials
{
    public long PartnerId { get; init; }

    public string? PartnerKey { get; init; }

    public long ShopId { get; init; }

    public string? AppKey { get; init; }

    public string? AppSecret { get; init; }

    public string AccessToken { get; init; } = "";

    public string? ShopCipher { get; init; }

    public static StoreCredentials Shopee(long partnerId, string partnerKey, long shopId, string accessToken) =>
        new() { PartnerId = partnerId, PartnerKey = partnerKey, ShopId = shopId, AccessToken = accessToken };

    public static StoreCredentials Lazada(string appKey, string appSecret, string accessToken) =>
        new() { AppKey = appKey, AppSecret = appSecret, AccessToken = accessToken };

    public static StoreCredentials TikTokShop(string appKey, string appSecret, string accessToken, string shopCipher) =>
        new() { AppKey = appKey, AppSecret = appSecret, AccessToken = accessToken, ShopCipher = shopCipher };

    public override string ToString() =>
        $"StoreCredentials {{ PartnerId = {PartnerId}, ShopId = {ShopId}, AppKey = {AppKey}, ShopCipher = {ShopCipher}, secrets redacted }}";
}
