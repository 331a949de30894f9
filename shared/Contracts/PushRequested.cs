namespace PushInventory.Contracts;

/// <summary>"Push Now": recompute and push the chosen store SKUs. Empty filters mean everything.</summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="JobId">The job that tracks progress.</param>
/// <param name="StoreIds">Only store SKUs of these stores, when not empty.</param>
/// <param name="MerchantSkuCodes">Only store SKUs mapped to these merchant SKUs, when not empty.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When (UTC).</param>
public sealed record PushRequested(
    Guid TenantId,
    Guid JobId,
    IReadOnlyList<Guid> StoreIds,
    IReadOnlyList<string> MerchantSkuCodes,
    string RequestedBy,
    DateTime RequestedAt);
