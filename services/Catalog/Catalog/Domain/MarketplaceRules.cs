using PushInventory.Contracts;

namespace PushInventory.Catalog.Domain;

/// <summary>What each marketplace needs: credential fields, default API address, and the ids that identify a store SKU.</summary>
internal static class MarketplaceRules
{
    public const string ShopeeBaseUrl = "https://partner.shopeemobile.com";
    public const string TikTokShopBaseUrl = "https://open-api.tiktokglobalshop.com";

    // Lazada runs one API host per country; the region picks it.
    static readonly Dictionary<string, string> LazadaHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SG"] = "https://api.lazada.sg/rest",
        ["MY"] = "https://api.lazada.com.my/rest",
        ["TH"] = "https://api.lazada.co.th/rest",
        ["VN"] = "https://api.lazada.vn/rest",
        ["ID"] = "https://api.lazada.co.id/rest",
        ["PH"] = "https://api.lazada.com.ph/rest",
    };

    public static IReadOnlyCollection<string> LazadaRegions => LazadaHosts.Keys;

    /// <summary>The API address a store of <paramref name="marketplace"/> in <paramref name="region"/> uses by default; null when Lazada has no host there.</summary>
    public static string? DefaultBaseUrl(Marketplace marketplace, string region) => marketplace switch
    {
        Marketplace.Shopee => ShopeeBaseUrl,
        Marketplace.Lazada => LazadaHosts.GetValueOrDefault(region),
        _ => TikTokShopBaseUrl,
    };

    /// <summary>The credential fields a store of <paramref name="marketplace"/> must have, in the order they are reported.</summary>
    public static IReadOnlyList<string> CredentialFields(Marketplace marketplace) => marketplace switch
    {
        Marketplace.Shopee => ["partnerId", "partnerKey", "shopId", "accessToken"],
        Marketplace.Lazada => ["appKey", "appSecret", "accessToken"],
        _ => ["appKey", "appSecret", "accessToken", "shopCipher"],
    };

    /// <summary>The ids that identify a store SKU on <paramref name="marketplace"/> (Shopee's modelId defaults to 0).</summary>
    public static IReadOnlyList<string> KeyFields(Marketplace marketplace) => marketplace switch
    {
        Marketplace.Shopee => ["itemId", "modelId"],
        Marketplace.Lazada => ["itemId", "skuId"],
        _ => ["productId", "skuId"],
    };

    /// <summary>Parses a marketplace name (case-insensitive; numbers are not names).</summary>
    public static bool TryParse(string? value, out Marketplace marketplace)
    {
        marketplace = default;
        return !string.IsNullOrWhiteSpace(value)
            && !char.IsAsciiDigit(value.Trim()[0])
            && !value.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(value.Trim(), ignoreCase: true, out marketplace)
            && Enum.IsDefined(marketplace);
    }
}
