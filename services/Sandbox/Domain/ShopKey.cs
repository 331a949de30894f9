using PushInventory.Contracts;

namespace PushInventory.Sandbox.Domain;

/// <summary>A shop in the sandbox: Shopee shop_id, Lazada access token (a seller), TikTok shop_cipher.</summary>
internal readonly record struct ShopKey(Marketplace Marketplace, string Shop)
{
    /// <summary>Tokopedia shops speak the TikTok Shop API, so they live with TikTok Shop.</summary>
    public static ShopKey Of(Marketplace marketplace, string shop) =>
        new(marketplace == Marketplace.Tokopedia ? Marketplace.TikTokShop : marketplace, shop);

    public static bool TryParseMarketplace(string? text, out Marketplace marketplace)
    {
        if (string.Equals(text, "tiktok", StringComparison.OrdinalIgnoreCase))
        {
            marketplace = Marketplace.TikTokShop;
            return true;
        }

        return Enum.TryParse(text, ignoreCase: true, out marketplace) && Enum.IsDefined(marketplace);
    }
}
