namespace PushInventory.Push.Domain;

/// <summary>A merchant SKU; a bundle when it has components.</summary>
/// <param name="Code">Unique per tenant, compared trimmed and case-insensitively.</param>
/// <param name="CategoryId">Optional category.</param>
/// <param name="Components">A bundle's components; null or empty for a single SKU.</param>
public sealed record MerchantSkuInput(string Code, Guid? CategoryId = null, IReadOnlyList<ComponentInput>? Components = null);
