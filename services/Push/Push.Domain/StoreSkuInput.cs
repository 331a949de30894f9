namespace PushInventory.Push.Domain;

/// <summary>A sellable variant in one store.</summary>
/// <param name="Id">The store SKU's id.</param>
/// <param name="StoreId">Its store.</param>
/// <param name="MerchantSkuCode">The mapped merchant SKU's code, or null when not mapped.</param>
/// <param name="ReservedStock">Stock the marketplace reserved for a promotion: never push below it.</param>
public sealed record StoreSkuInput(Guid Id, Guid StoreId, string? MerchantSkuCode, int ReservedStock = 0);
