namespace PushInventory.Sandbox.Domain;

/// <summary>One SKU of a shop: its stock per warehouse and every change.</summary>
internal sealed class SandboxSku(string key, int reservedStock, IReadOnlyList<string> warehouses)
{
    private readonly List<StockChange> history = [];

    public string Key => key;

    public int ReservedStock { get; set; } = reservedStock;

    /// <summary>The platform warehouses registered for this SKU; empty means the shop's.</summary>
    public IReadOnlyList<string> OwnWarehouses { get; } = warehouses;

    public IReadOnlyDictionary<string, int> Warehouses { get; private set; } = new Dictionary<string, int>();

    public int? Quantity { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public IReadOnlyList<StockChange> History => history;

    public void Set(IReadOnlyDictionary<string, int> warehouses, PreOrderState? preOrder, DateTimeOffset at)
    {
        Warehouses = warehouses;
        Quantity = warehouses.Values.Sum();
        UpdatedAt = at;
        history.Add(new StockChange(at, Quantity.Value, warehouses, StockChange.StockSet, preOrder?.IsPreOrder, preOrder?.DaysToShip));
    }

    /// <summary>Records a change of the item's pre-order state against a SKU that has stock.</summary>
    public void RecordPreOrder(PreOrderState preOrder)
    {
        if (Quantity is { } quantity)
        {
            history.Add(new StockChange(preOrder.UpdatedAt, quantity, Warehouses, StockChange.PreOrderSet, preOrder.IsPreOrder, preOrder.DaysToShip));
        }
    }
}
