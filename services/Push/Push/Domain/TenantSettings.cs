using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>A tenant's plan and Inventory Features switch, learnt from <c>TenantSettingsChanged</c>.</summary>
internal sealed class TenantSettings
{
    public Guid TenantId { get; set; }
    public Plan Plan { get; set; }
    public bool InventoryFeaturesEnabled { get; set; }
    public long Version { get; set; }
}
