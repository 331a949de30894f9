namespace PushInventory.Sandbox.Domain;

/// <summary>A Shopee item's pre-order state as last set.</summary>
public sealed record PreOrderState(long ItemId, bool IsPreOrder, int DaysToShip, DateTimeOffset UpdatedAt);
