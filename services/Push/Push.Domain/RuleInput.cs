using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>A push rule as the engine sees it.</summary>
/// <param name="Id">The rule's id; breaks the last tie in selection.</param>
/// <param name="Name">Shown in decisions.</param>
/// <param name="Priority">Smaller wins.</param>
/// <param name="Enabled">Disabled rules are never candidates.</param>
/// <param name="CreatedAt">Breaks priority ties: the earlier rule wins.</param>
/// <param name="Scope">The merchant SKUs covered.</param>
/// <param name="WarehouseCodes">Warehouses whose available stock is summed.</param>
/// <param name="StoreIds">The stores pushed to.</param>
/// <param name="Quantity">The quantity formula.</param>
/// <param name="AboutToSellOut">Optional about-to-be-sold-out policy.</param>
/// <param name="PreOrder">Optional pre-order policy (applied to Shopee stores only).</param>
public sealed record RuleInput(
    Guid Id,
    string Name,
    int Priority,
    bool Enabled,
    DateTime CreatedAt,
    RuleScope Scope,
    IReadOnlyList<string> WarehouseCodes,
    IReadOnlyList<Guid> StoreIds,
    QuantityFormula Quantity,
    AboutToSellOut? AboutToSellOut = null,
    PreOrderPolicy? PreOrder = null);
