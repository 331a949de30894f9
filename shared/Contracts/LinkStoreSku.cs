namespace PushInventory.Contracts;

/// <summary>
/// A command to the Mapping service: map a store SKU to a merchant SKU. The Catalog sends it when it
/// generates merchant SKUs from store SKUs ("create and map in one step").
/// </summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="StoreSkuId">The store SKU to map.</param>
/// <param name="MerchantSkuId">The merchant SKU to map it to.</param>
/// <param name="MerchantSkuCode">That merchant SKU's code.</param>
/// <param name="RequestedBy">Who asked, for the mapping change log.</param>
/// <param name="RequestedAt">When (UTC).</param>
public sealed record LinkStoreSku(Guid TenantId, Guid StoreSkuId, Guid MerchantSkuId, string MerchantSkuCode, string RequestedBy, DateTime RequestedAt);
