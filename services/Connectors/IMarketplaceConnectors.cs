using PushInventory.Contracts;

namespace PushInventory.Connectors;

/// <summary>Finds the connector for a marketplace (Tokopedia goes through TikTok Shop).</summary>
public interface IMarketplaceConnectors
{
    /// <summary>The connector that serves stores of the marketplace.</summary>
    IMarketplaceConnector For(Marketplace marketplace);
}
