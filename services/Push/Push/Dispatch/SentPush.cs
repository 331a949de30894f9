namespace PushInventory.Push.Dispatch;

/// <summary>
/// What the dispatcher sent for one store SKU: the state's desired values of one version, and the merchant SKU
/// code its record holds (what settling it and its <c>StoreSkuPushed</c> need, read with the round).
/// </summary>
internal sealed record SentPush(
    Guid TenantId,
    Guid StoreId,
    Guid StoreSkuId,
    string? MerchantSkuCode,
    long Version,
    Guid RecordId,
    int Quantity,
    bool? PreOrder,
    bool InPreOrder,
    int Attempts,
    DateTime TriggeredAt);
