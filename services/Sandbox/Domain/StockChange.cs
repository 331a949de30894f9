namespace PushInventory.Sandbox.Domain;

/// <summary>
/// One change of a SKU: its stock was set (<c>Change = "stock"</c>) or, on Shopee, its item's pre-order
/// state changed (<c>Change = "preOrder"</c>). Quantity and warehouses are the SKU's stock after the
/// change; IsPreOrder and DaysToShip the item's pre-order state then (null where never set).
/// </summary>
public sealed record StockChange(
    DateTimeOffset At,
    int Quantity,
    IReadOnlyDictionary<string, int> Warehouses,
    string Change,
    bool? IsPreOrder,
    int? DaysToShip)
{
    public const string StockSet = "stock";
    public const string PreOrderSet = "preOrder";
}
