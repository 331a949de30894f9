namespace PushInventory.Contracts;

/// <summary>The full state of a merchant SKU after it was created, updated or deleted.</summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="MerchantSkuId">The merchant SKU's id.</param>
/// <param name="Code">The code as entered (trimmed).</param>
/// <param name="Name">Display name.</param>
/// <param name="CategoryId">Optional category.</param>
/// <param name="IsBundle">True for a bundle (combination) SKU.</param>
/// <param name="Components">A bundle's components; empty for a single SKU.</param>
/// <param name="Deleted">True when the SKU was deleted.</param>
/// <param name="Version">Grows by one with every change of this SKU.</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
public sealed record MerchantSkuChanged(
    Guid TenantId,
    Guid MerchantSkuId,
    string Code,
    string Name,
    Guid? CategoryId,
    bool IsBundle,
    IReadOnlyList<BundleComponent> Components,
    bool Deleted,
    long Version,
    DateTime OccurredAt);
