using PushInventory.Contracts;

namespace PushInventory.Rules.Domain;

/// <summary>A rule request after validation: codes in the spelling their owners use, defaults filled in.</summary>
internal sealed record RuleDraft(
    string Name,
    int Priority,
    bool Enabled,
    RuleScope Scope,
    IReadOnlyList<string> WarehouseCodes,
    IReadOnlyList<Guid> StoreIds,
    QuantityFormula Quantity,
    AboutToSellOut? AboutToSellOut,
    PreOrderPolicy? PreOrder);
