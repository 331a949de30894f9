namespace PushInventory.Contracts;

/// <summary>
/// The full state of a marketplace store. Credentials travel only as an ASP.NET Core Data Protection
/// payload (purpose <c>PushInventory.StoreCredentials</c>) that the Push service can unprotect with the
/// shared key ring; they are never on the bus in clear.
/// </summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="StoreId">The store's id.</param>
/// <param name="Marketplace">The marketplace.</param>
/// <param name="Name">Display name, e.g. "Shopee PH".</param>
/// <param name="Region">Marketplace region, e.g. "PH".</param>
/// <param name="BaseUrl">The API base address (the real host, a regional host, or the Sandbox).</param>
/// <param name="PlatformWarehouseIds">The marketplace's own warehouse/location ids, where the shop has several.</param>
/// <param name="ProtectedCredentials">The credentials JSON, protected with Data Protection.</param>
/// <param name="Deleted">True when the store was deleted.</param>
/// <param name="Version">Grows by one with every change of this store.</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
public sealed record StoreChanged(
    Guid TenantId,
    Guid StoreId,
    Marketplace Marketplace,
    string Name,
    string Region,
    string BaseUrl,
    IReadOnlyList<string> PlatformWarehouseIds,
    string ProtectedCredentials,
    bool Deleted,
    long Version,
    DateTime OccurredAt);
