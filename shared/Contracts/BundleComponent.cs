namespace PushInventory.Contracts;

/// <summary>One component of a bundle merchant SKU.</summary>
/// <param name="MerchantSkuId">The component's merchant SKU id.</param>
/// <param name="Code">The component's code.</param>
/// <param name="Quantity">How many units of the component one bundle takes (at least 1).</param>
public sealed record BundleComponent(Guid MerchantSkuId, string Code, int Quantity);
