namespace PushInventory.Sandbox.Domain;

/// <summary>The stock a SKU holds now (quantity is the sum over its warehouses).</summary>
internal sealed record SkuStock(
    string Sku,
    int Quantity,
    IReadOnlyDictionary<string, int> Warehouses,
    int ReservedStock,
    DateTimeOffset UpdatedAt,
    int Changes);
