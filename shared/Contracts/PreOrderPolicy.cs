namespace PushInventory.Contracts;

/// <summary>Convert to pre-order (Shopee only), with hysteresis between X and Z.</summary>
/// <param name="EnableAtOrBelow">X: switch pre-order on when A is at or below it.</param>
/// <param name="AddQuantity">Y: extra stock pushed while in pre-order.</param>
/// <param name="CloseAbove">Z: switch pre-order off when A is above it.</param>
/// <param name="DaysToShip">Shopee's days to ship for pre-order items.</param>
public sealed record PreOrderPolicy(int EnableAtOrBelow, int AddQuantity, int CloseAbove, int DaysToShip);
