namespace PushInventory.Connectors;

/// <summary>Shopee limits, bound to <c>Connectors:Shopee</c>. Shopee publishes no number: about 1.5 calls/s per shop.</summary>
public sealed class ShopeeOptions : MarketplaceOptions
{
    public const string Section = "Connectors:Shopee";

    public ShopeeOptions()
    {
        CallsPerSecond = 1.5;
        BatchSize = 50;
    }

    internal override int MaxBatchSize => 50;
}
