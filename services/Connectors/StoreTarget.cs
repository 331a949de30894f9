using PushInventory.Contracts;

namespace PushInventory.Connectors;

/// <summary>The store a push goes to.</summary>
/// <param name="StoreId">Our id of the store; also the key of its rate limiter and circuit breaker.</param>
/// <param name="Marketplace">The store's marketplace.</param>
/// <param name="BaseUrl">The API base address, e.g. <c>https://partner.shopeemobile.com</c>,
/// <c>https://api.lazada.com.ph/rest</c>, or a sandbox address such as <c>http://127.0.0.1:5080/sandbox/shopee</c>.</param>
/// <param name="PlatformWarehouseIds">The marketplace's warehouse/location ids of the shop, where it has several.</param>
/// <param name="Credentials">The shop's API credentials.</param>
public sealed record StoreTarget(
    Guid StoreId,
    Marketplace Marketplace,
    Uri BaseUrl,
    IReadOnlyList<string> PlatformWarehouseIds,
    StoreCredentials Credentials);
