namespace PushInventory.Push.Dispatch;

/// <summary>What the dispatcher sent for one store SKU: the state's desired values of one version.</summary>
internal sealed record SentPush(
    Guid StoreSkuId,
    long Version,
    Guid RecordId,
    int Quantity,
    bool? PreOrder,
    bool InPreOrder,
    int Attempts,
    DateTime TriggeredAt);
