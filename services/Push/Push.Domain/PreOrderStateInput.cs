namespace PushInventory.Push.Domain;

/// <summary>Whether a store SKU is currently in pre-order (the state the last push left). Missing means not.</summary>
public sealed record PreOrderStateInput(Guid StoreSkuId, bool InPreOrder);
