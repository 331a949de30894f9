namespace PushInventory.Contracts;

/// <summary>The full snapshot of a push rule after it was created, changed or deleted.</summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Name">The rule's name.</param>
/// <param name="Priority">Smaller is higher priority.</param>
/// <param name="Enabled">Only enabled rules are candidates.</param>
/// <param name="CreatedAt">Breaks priority ties: the earlier rule wins.</param>
/// <param name="Scope">The merchant SKUs covered.</param>
/// <param name="WarehouseCodes">Warehouses whose available stock is summed.</param>
/// <param name="StoreIds">The stores pushed to.</param>
/// <param name="Quantity">The quantity formula.</param>
/// <param name="AboutToSellOut">Optional about-to-be-sold-out policy.</param>
/// <param name="PreOrder">Optional pre-order policy.</param>
/// <param name="Deleted">True when the rule was deleted.</param>
/// <param name="Version">Grows by one with every change of this rule.</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
public sealed record PushRuleChanged(
    Guid TenantId,
    Guid RuleId,
    string Name,
    int Priority,
    bool Enabled,
    DateTime CreatedAt,
    RuleScope Scope,
    IReadOnlyList<string> WarehouseCodes,
    IReadOnlyList<Guid> StoreIds,
    QuantityFormula Quantity,
    AboutToSellOut? AboutToSellOut,
    PreOrderPolicy? PreOrder,
    bool Deleted,
    long Version,
    DateTime OccurredAt);
