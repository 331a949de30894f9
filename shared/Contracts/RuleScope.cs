namespace PushInventory.Contracts;

/// <summary>The merchant SKUs a rule covers.</summary>
/// <param name="Kind">How they are chosen.</param>
/// <param name="MerchantSkuCodes">For <see cref="RuleScopeKind.Skus"/>: the codes.</param>
/// <param name="StoreIds">For <see cref="RuleScopeKind.Stores"/>: SKUs mapped to these stores.</param>
/// <param name="CategoryIds">For <see cref="RuleScopeKind.Categories"/>: SKUs of these categories.</param>
public sealed record RuleScope(
    RuleScopeKind Kind,
    IReadOnlyList<string> MerchantSkuCodes,
    IReadOnlyList<Guid> StoreIds,
    IReadOnlyList<Guid> CategoryIds);
