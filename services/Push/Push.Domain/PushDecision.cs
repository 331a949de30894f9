namespace PushInventory.Push.Domain;

/// <summary>What the engine decided for one store SKU, and why.</summary>
/// <param name="StoreSkuId">The store SKU.</param>
/// <param name="StoreId">Its store (empty when the store SKU is unknown).</param>
/// <param name="MerchantSkuCode">The mapped merchant SKU's code, when mapped.</param>
/// <param name="RuleId">The rule that fired, if any.</param>
/// <param name="RuleName">Its name.</param>
/// <param name="NoPushReason">Why nothing is pushed; null when <see cref="Quantity"/> has a value.</param>
/// <param name="Available">A: available stock over the rule's warehouses, when known.</param>
/// <param name="Warehouses">The warehouse codes summed (the rule's, trimmed, without duplicates).</param>
/// <param name="Steps">The arithmetic, step by step; built on first enumeration.</param>
/// <param name="Quantity">The quantity to push; null when nothing is pushed.</param>
/// <param name="PreOrder">The pre-order flag to push; null when the flag is left as it is.</param>
/// <param name="DaysToShip">Days to ship when <see cref="PreOrder"/> is true.</param>
/// <param name="InPreOrder">The store SKU's pre-order state after this decision: feed it back next time.</param>
public sealed record PushDecision(
    Guid StoreSkuId,
    Guid StoreId,
    string? MerchantSkuCode,
    Guid? RuleId,
    string? RuleName,
    NoPushReason? NoPushReason,
    int? Available,
    IReadOnlyList<string> Warehouses,
    IReadOnlyList<DecisionStep> Steps,
    int? Quantity,
    bool? PreOrder,
    int? DaysToShip,
    bool InPreOrder)
{
    /// <summary>True when a quantity is to be pushed.</summary>
    public bool Pushes => Quantity is not null;
}
