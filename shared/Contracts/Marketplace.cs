namespace PushInventory.Contracts;

/// <summary>A marketplace a store sells on. Tokopedia stores are served through the TikTok Shop API.</summary>
public enum Marketplace
{
    /// <summary>Shopee Open Platform v2.</summary>
    Shopee,

    /// <summary>Lazada Open Platform.</summary>
    Lazada,

    /// <summary>TikTok Shop Partner API (202309).</summary>
    TikTokShop,

    /// <summary>Tokopedia, pushed through the TikTok Shop connector.</summary>
    Tokopedia,
}
