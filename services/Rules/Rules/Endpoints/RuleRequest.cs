using PushInventory.Contracts;

namespace PushInventory.Rules.Endpoints;

/// <summary>The body of <c>POST /api/rules</c> and <c>PUT /api/rules/{id}</c>. Everything nullable: validated explicitly.</summary>
internal sealed record RuleRequest(
    string? Name,
    int? Priority,
    bool? Enabled,
    RuleRequest.ScopeBody? Scope,
    IReadOnlyList<string?>? WarehouseCodes,
    IReadOnlyList<Guid>? StoreIds,
    RuleRequest.QuantityBody? Quantity,
    RuleRequest.AboutToSellOutBody? AboutToSellOut,
    RuleRequest.PreOrderBody? PreOrder)
{
    public sealed record ScopeBody(RuleScopeKind? Kind, IReadOnlyList<string?>? MerchantSkuCodes, IReadOnlyList<Guid>? StoreIds, IReadOnlyList<Guid>? CategoryIds);

    public sealed record QuantityBody(decimal? Percent, int? Offset, Rounding? Rounding, int? Buffer, int? Max);

    public sealed record AboutToSellOutBody(int? Threshold, Guid? DesignatedStoreId);

    public sealed record PreOrderBody(int? EnableAtOrBelow, int? AddQuantity, int? CloseAbove, int? DaysToShip);
}
