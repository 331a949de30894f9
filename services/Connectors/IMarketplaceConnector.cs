namespace PushInventory.Connectors;

/// <summary>Sets stock on one marketplace. One result per update, in the order of the updates.</summary>
public interface IMarketplaceConnector
{
    /// <summary>
    /// Pushes the updates to the store, batching as the marketplace allows. Failures are returned as
    /// results (never thrown), except cancellation by the caller.
    /// </summary>
    Task<IReadOnlyList<StockUpdateResult>> PushAsync(
        StoreTarget store,
        IReadOnlyList<StockUpdate> updates,
        CancellationToken cancellationToken);
}
