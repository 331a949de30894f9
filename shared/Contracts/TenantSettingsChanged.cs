namespace PushInventory.Contracts;

/// <summary>The full settings of a tenant: its plan and the Inventory Features switch.</summary>
/// <param name="TenantId">The tenant's id.</param>
/// <param name="Plan">The tenant's plan.</param>
/// <param name="InventoryFeaturesEnabled">While false nothing is pushed. False for a new tenant.</param>
/// <param name="Version">Grows by one with every change of these settings.</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
public sealed record TenantSettingsChanged(Guid TenantId, Plan Plan, bool InventoryFeaturesEnabled, long Version, DateTime OccurredAt);
