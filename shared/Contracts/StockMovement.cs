using System.Text.Json.Serialization;

namespace PushInventory.Contracts;

/// <summary>One stock movement reported by an order system. Every field but the reference is required.</summary>
/// <param name="Id">The source's own id for the movement; applying the same id twice changes nothing.</param>
/// <param name="MerchantSkuCode">The seller's SKU code (compared trimmed and case-insensitively).</param>
/// <param name="WarehouseCode">The warehouse code (compared trimmed and case-insensitively).</param>
/// <param name="Kind">What the movement does.</param>
/// <param name="Quantity">A positive quantity; for <see cref="StockMovementKind.Count"/> the counted on-hand, zero allowed.</param>
/// <param name="Reference">Optional free text (an order number, a receipt).</param>
public sealed record StockMovement(
    [property: JsonRequired] string Id,
    [property: JsonRequired] string MerchantSkuCode,
    [property: JsonRequired] string WarehouseCode,
    [property: JsonRequired] StockMovementKind Kind,
    [property: JsonRequired] int Quantity,
    string? Reference = null);
