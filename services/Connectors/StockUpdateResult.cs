namespace PushInventory.Connectors;

/// <summary>How the push of one store SKU ended.</summary>
/// <param name="StoreSkuId">The store SKU.</param>
/// <param name="Outcome">Succeeded, or the class of failure.</param>
/// <param name="ErrorCode">The marketplace's error code (or the connector's, e.g. <c>timeout</c>).</param>
/// <param name="ErrorMessage">The marketplace's error message.</param>
/// <param name="RetryAfter">How long the marketplace asked to wait, where it said so.</param>
public sealed record StockUpdateResult(
    Guid StoreSkuId,
    PushOutcome Outcome,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Outcome == PushOutcome.Succeeded;

    public static StockUpdateResult Success(Guid storeSkuId) => new(storeSkuId, PushOutcome.Succeeded);
}
