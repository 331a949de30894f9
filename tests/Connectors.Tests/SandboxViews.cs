namespace PushInventory.Connectors.Tests;

public sealed record StockView(string Marketplace, string Shop, List<SkuView> Skus, List<PreOrderView> PreOrders)
{
    public SkuView? Sku(string key) => Skus.SingleOrDefault(s => s.Sku == key);
}

public sealed record SkuView(string Sku, int Quantity, Dictionary<string, int> Warehouses, int ReservedStock, int Changes);

public sealed record PreOrderView(long ItemId, bool IsPreOrder, int DaysToShip);

public sealed record CallsView(int Count, List<DateTimeOffset> Timestamps, int Throttled)
{
    /// <summary>Gaps between consecutive calls, in order.</summary>
    public List<TimeSpan> Gaps()
    {
        var sorted = Timestamps.Order().ToList();
        return [.. sorted.Skip(1).Select((t, i) => t - sorted[i])];
    }

    /// <summary>The most calls in any window of the given length.</summary>
    public int MaxIn(TimeSpan window)
    {
        var sorted = Timestamps.Order().ToList();
        var max = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= window)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }
}

public sealed record HistoryView(DateTimeOffset At, int Quantity, Dictionary<string, int> Warehouses, string Change, bool? IsPreOrder, int? DaysToShip);
