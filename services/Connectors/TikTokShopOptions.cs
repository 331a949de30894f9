namespace PushInventory.Connectors;

/// <summary>TikTok Shop (and Tokopedia) limits, bound to <c>Connectors:TikTokShop</c>. Up to 100 SKUs of one product per call.</summary>
public sealed class TikTokShopOptions : MarketplaceOptions
{
    public const string Section = "Connectors:TikTokShop";

    public TikTokShopOptions()
    {
        CallsPerSecond = 10;
        BatchSize = 100;
    }

    internal override int MaxBatchSize => 100;
}
