namespace PushInventory.Contracts;

/// <summary>
/// A push to a marketplace ended (succeeded or failed for good). Published inside <see cref="StoreSkusPushed"/>,
/// with the other pushes of its round.
/// </summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="RecordId">The push record.</param>
/// <param name="StoreId">The store.</param>
/// <param name="StoreSkuId">The store SKU.</param>
/// <param name="MerchantSkuCode">The merchant SKU it is mapped to.</param>
/// <param name="Quantity">The quantity pushed.</param>
/// <param name="PreOrder">The pre-order flag pushed (Shopee).</param>
/// <param name="Succeeded">True when the marketplace accepted it.</param>
/// <param name="ErrorCode">The marketplace's error code when it failed.</param>
/// <param name="ErrorMessage">The marketplace's error message when it failed.</param>
/// <param name="OccurredAt">When the push ended (UTC).</param>
public sealed record StoreSkuPushed(
    Guid TenantId,
    Guid RecordId,
    Guid StoreId,
    Guid StoreSkuId,
    string MerchantSkuCode,
    int Quantity,
    bool PreOrder,
    bool Succeeded,
    string? ErrorCode,
    string? ErrorMessage,
    DateTime OccurredAt);
