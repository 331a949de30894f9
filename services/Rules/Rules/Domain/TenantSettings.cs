using PushInventory.Contracts;

namespace PushInventory.Rules.Domain;

/// <summary>
/// A tenant's plan and Inventory Features switch. A tenant without a row is Free with the switch off.
/// <see cref="Version"/> grows with every change published as <c>TenantSettingsChanged</c>;
/// <see cref="TenantVersion"/> is the newest <c>TenantChanged</c> applied (older or equal ones are dropped).
/// </summary>
internal sealed class TenantSettings
{
    public Guid TenantId { get; set; }
    public Plan Plan { get; set; }
    public bool InventoryFeaturesEnabled { get; set; }
    public long Version { get; set; }
    public long TenantVersion { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static TenantSettings Default(Guid tenantId, DateTime now) =>
        new() { TenantId = tenantId, Plan = Plan.Free, InventoryFeaturesEnabled = false, UpdatedAt = now };

    /// <summary>Records a change: the next version, published as the full state.</summary>
    public TenantSettingsChanged Changed(DateTime now)
    {
        Version++;
        UpdatedAt = now;
        return new TenantSettingsChanged(TenantId, Plan, InventoryFeaturesEnabled, Version, now);
    }
}
