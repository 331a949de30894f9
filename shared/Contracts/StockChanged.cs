namespace PushInventory.Contracts;

/// <summary>
/// The full state of one (merchant SKU, warehouse) stock level after a change. For a bundle the
/// quantities are its computed availability. Consumers keep only the highest <paramref name="Version"/>.
/// The Stock service publishes these inside <see cref="StockLevelsChanged"/> (one message per saved batch);
/// the Push service also accepts them one by one.
/// </summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="MerchantSkuId">The merchant SKU's id in the Catalog.</param>
/// <param name="MerchantSkuCode">The merchant SKU's code as the Catalog spells it.</param>
/// <param name="WarehouseId">The warehouse's id.</param>
/// <param name="WarehouseCode">The warehouse's code.</param>
/// <param name="OnHand">Units physically in the warehouse.</param>
/// <param name="Allocated">Units held for orders not yet shipped.</param>
/// <param name="Available">Units free to sell: on hand minus allocated.</param>
/// <param name="Version">Grows by one with every change of this level.</param>
/// <param name="Reason">What changed it: the movement kind, or <c>BundleComponentChanged</c>.</param>
/// <param name="OccurredAt">When the change was applied (UTC).</param>
public sealed record StockChanged(
    Guid TenantId,
    Guid MerchantSkuId,
    string MerchantSkuCode,
    Guid WarehouseId,
    string WarehouseCode,
    int OnHand,
    int Allocated,
    int Available,
    long Version,
    string Reason,
    DateTime OccurredAt);
