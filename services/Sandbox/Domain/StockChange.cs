namespace PushInventory.Sandbox.Domain;

/// <summary>One time a SKU's stock was set.</summary>
public sealed record StockChange(DateTimeOffset At, int Quantity, IReadOnlyDictionary<string, int> Warehouses);
