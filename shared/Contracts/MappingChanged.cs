namespace PushInventory.Contracts;

/// <summary>A store SKU was mapped to a merchant SKU, re-mapped or unmapped.</summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="StoreSkuId">The store SKU.</param>
/// <param name="StoreId">The store SKU's store.</param>
/// <param name="MerchantSkuIdBefore">The merchant SKU it was mapped to before, if any.</param>
/// <param name="MerchantSkuIdAfter">The merchant SKU it is mapped to now, or null when unmapped.</param>
/// <param name="MerchantSkuCodeAfter">The code of <paramref name="MerchantSkuIdAfter"/>, if any.</param>
/// <param name="Version">Grows by one with every change of this store SKU's mapping.</param>
/// <param name="ChangedBy">Who made the change (user, "auto-mapping", "import").</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
public sealed record MappingChanged(
    Guid TenantId,
    Guid StoreSkuId,
    Guid StoreId,
    Guid? MerchantSkuIdBefore,
    Guid? MerchantSkuIdAfter,
    string? MerchantSkuCodeAfter,
    long Version,
    string ChangedBy,
    DateTime OccurredAt);
