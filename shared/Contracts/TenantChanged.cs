namespace PushInventory.Contracts;

/// <summary>A tenant (seller account) was registered at the gateway or its plan changed.</summary>
/// <param name="TenantId">The tenant's id.</param>
/// <param name="Name">The tenant's name.</param>
/// <param name="Plan">The tenant's plan.</param>
/// <param name="Version">Grows by one with every change of this tenant.</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
public sealed record TenantChanged(Guid TenantId, string Name, Plan Plan, long Version, DateTime OccurredAt);
