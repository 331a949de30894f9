namespace PushInventory.Push.Tests;

public sealed record StockView(string Marketplace, string Shop, List<SkuView> Skus, List<PreOrderView> PreOrders)
{
    public SkuView? Sku(string key) => Skus.SingleOrDefault(s => s.Sku == key);
}

public sealed record SkuView(string Sku, int Quantity, Dictionary<string, int> Warehouses, int ReservedStock, int Changes);

public sealed record PreOrderView(long ItemId, bool IsPreOrder, int DaysToShip);

public sealed record HistoryView(DateTimeOffset At, int Quantity, Dictionary<string, int> Warehouses);

public sealed record CallsView(int Count, List<DateTimeOffset> Timestamps);
