namespace PushInventory.Connectors;

/// <summary>Shopee pre-order state of an item.</summary>
/// <param name="IsPreOrder">Pre-order on or off.</param>
/// <param name="DaysToShip">Days to ship while in pre-order (Shopee accepts 7 to 30; ignored when off).</param>
public sealed record PreOrderSetting(bool IsPreOrder, int DaysToShip);
