namespace PushInventory.Sandbox.Endpoints;

/// <summary>A SKU (by its sandbox key) whose update fails in one of its warehouses.</summary>
internal sealed record WarehouseFailure(string? Sku, string? Warehouse);
