namespace PushInventory.Connectors.Resilience;

internal static class Batches
{
    /// <summary>The warehouses of a SKU: its own, else the store's.</summary>
    public static IReadOnlyList<string> Warehouses(StoreTarget store, StockUpdate update) =>
        update.PlatformWarehouseIds.Count > 0 ? update.PlatformWarehouseIds : store.PlatformWarehouseIds;

    /// <summary>The quantity for the n-th warehouse: all of it on the first, none on the others.</summary>
    public static int QuantityAt(StockUpdate update, int warehouseIndex) => warehouseIndex == 0 ? update.Quantity : 0;

    public static int Size(MarketplaceOptions options) => Math.Clamp(options.BatchSize, 1, options.MaxBatchSize);

    /// <summary>Runs the calls with the configured concurrency; the store's rate limiter still paces them.</summary>
    public static Task RunAsync<T>(IEnumerable<T> work, MarketplaceOptions options, Func<T, CancellationToken, ValueTask> call, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrency), CancellationToken = cancellationToken },
            call);
}
