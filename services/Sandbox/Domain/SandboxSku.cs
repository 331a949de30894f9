namespace PushInventory.Sandbox.Domain;

/// <summary>One SKU of a shop: its stock per warehouse and every change.</summary>
internal sealed class SandboxSku(string key, int reservedStock)
{
    private readonly List<StockChange> history = [];

    public string Key => key;

    public int ReservedStock { get; set; } = reservedStock;

    public IReadOnlyDictionary<string, int> Warehouses { get; private set; } = new Dictionary<string, int>();

    public int? Quantity { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public IReadOnlyList<StockChange> History => history;

    public void Set(IReadOnlyDictionary<string, int> warehouses, DateTimeOffset at)
    {
        Warehouses = warehouses;
        Quantity = warehouses.Values.Sum();
        UpdatedAt = at;
        history.Add(new StockChange(at, Quantity.Value, warehouses));
    }
}
