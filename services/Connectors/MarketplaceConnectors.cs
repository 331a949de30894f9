using PushInventory.Connectors.Lazada;
using PushInventory.Connectors.Shopee;
using PushInventory.Connectors.TikTokShop;
using PushInventory.Contracts;

namespace PushInventory.Connectors;

internal sealed class MarketplaceConnectors(
    ShopeeConnector shopee,
    LazadaConnector lazada,
    TikTokShopConnector tikTokShop) : IMarketplaceConnectors
{
    public IMarketplaceConnector For(Marketplace marketplace) => marketplace switch
    {
        Marketplace.Shopee => shopee,
        Marketplace.Lazada => lazada,
        Marketplace.TikTokShop or Marketplace.Tokopedia => tikTokShop,
        _ => throw new ArgumentOutOfRangeException(nameof(marketplace), marketplace, "No connector for this marketplace."),
    };
}
