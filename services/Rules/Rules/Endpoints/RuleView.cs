using PushInventory.Contracts;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules.Endpoints;

/// <summary>A rule as the API returns it; also the before/after snapshot in its audit log.</summary>
internal sealed record RuleView(
    Guid Id,
    string Name,
    int Priority,
    bool Enabled,
    RuleScope Scope,
    IReadOnlyList<string> WarehouseCodes,
    IReadOnlyList<Guid> StoreIds,
    QuantityFormula Quantity,
    AboutToSellOut? AboutToSellOut,
    PreOrderPolicy? PreOrder,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static RuleView From(PushRule rule) => new(
        rule.Id,
        rule.Name,
        rule.Priority,
        rule.Enabled,
        rule.Scope,
        rule.WarehouseCodes,
        rule.StoreIds,
        rule.Quantity,
        rule.AboutToSellOut,
        rule.PreOrder,
        rule.Version,
        DateTime.SpecifyKind(rule.CreatedAt, DateTimeKind.Utc),
        DateTime.SpecifyKind(rule.UpdatedAt, DateTimeKind.Utc));
}
