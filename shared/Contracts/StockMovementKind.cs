namespace PushInventory.Contracts;

/// <summary>What a stock movement does to a (merchant SKU, warehouse) level.</summary>
public enum StockMovementKind
{
    /// <summary>Goods received: on hand grows by the quantity.</summary>
    StockIn,

    /// <summary>Goods removed outside an order: on hand drops; refused if available would go below zero.</summary>
    StockOut,

    /// <summary>An order was placed: allocated grows; refused if available would go below zero.</summary>
    OrderAllocated,

    /// <summary>An order was cancelled before shipping: allocated drops.</summary>
    OrderReleased,

    /// <summary>An order shipped: on hand and allocated both drop.</summary>
    OrderShipped,

    /// <summary>A stock count: on hand is set to the counted quantity.</summary>
    Count,
}
