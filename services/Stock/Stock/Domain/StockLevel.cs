using PushInventory.Contracts;

namespace PushInventory.Stock.Domain;

/// <summary>Stock of one merchant SKU in one warehouse. <see cref="Version"/> grows by one per change and guards concurrent writers.</summary>
internal sealed class StockLevel
{
    public Guid TenantId { get; set; }
    public Guid MerchantSkuId { get; set; }
    public Guid WarehouseId { get; set; }
    public int OnHand { get; set; }
    public int Allocated { get; set; }
    public long Version { get; set; }
    public DateTime UpdatedAt { get; set; }

    public int Available => OnHand - Allocated;

    /// <summary>Applies a movement, or returns why it cannot be applied without making stock negative.</summary>
    public string? Apply(StockMovementKind kind, int quantity, DateTime now)
    {
        var refusal = kind switch
        {
            StockMovementKind.StockIn when (long)OnHand + quantity > int.MaxValue => "on hand would exceed the largest quantity",
            StockMovementKind.StockOut when quantity > Available => $"stock-out of {quantity} exceeds available {Available}",
            StockMovementKind.OrderAllocated when quantity > Available => $"allocation of {quantity} exceeds available {Available}",
            StockMovementKind.OrderReleased when quantity > Allocated => $"release of {quantity} exceeds allocated {Allocated}",
            StockMovementKind.OrderShipped when quantity > Allocated => $"shipment of {quantity} exceeds allocated {Allocated}",
            StockMovementKind.Count when quantity < Allocated => $"count of {quantity} is below allocated {Allocated}, which would make available negative",
            _ => null,
        };
        if (refusal is not null)
        {
            return refusal;
        }

        switch (kind)
        {
            case StockMovementKind.StockIn: OnHand += quantity; break;
            case StockMovementKind.StockOut: OnHand -= quantity; break;
            case StockMovementKind.OrderAllocated: Allocated += quantity; break;
            case StockMovementKind.OrderReleased: Allocated -= quantity; break;
            case StockMovementKind.OrderShipped: OnHand -= quantity; Allocated -= quantity; break;
            case StockMovementKind.Count: OnHand = quantity; break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown movement kind.");
        }

        Version++;
        UpdatedAt = now;
        return null;
    }
}
