namespace PushInventory.Connectors;

/// <summary>Lazada limits, bound to <c>Connectors:Lazada</c>. Up to 50 SKUs per call, 20 advised.</summary>
public sealed class LazadaOptions : MarketplaceOptions
{
    public const string Section = "Connectors:Lazada";

    public LazadaOptions()
    {
        CallsPerSecond = 10;
        BatchSize = 20;
    }

    internal override int MaxBatchSize => 50;
}
