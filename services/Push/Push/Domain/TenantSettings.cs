using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>A tenant's plan and Inventory Features switch, learnt from <c>TenantSettingsChanged</c> (a row with the defaults, Free and off, may come first, with a catalog stamp).</summary>
internal sealed class TenantSettings
{
    public Guid TenantId { get; set; }
    public Plan Plan { get; set; }
    public bool InventoryFeaturesEnabled { get; set; }
    public long Version { get; set; }

    /// <summary>
    /// Renewed in the same save as any change to the tenant's mappings, merchant SKUs, bundle recipes, rules or
    /// stores, so an in-memory copy of them (<see cref="Planning.TenantCatalog"/>) knows when it is out of date.
    /// </summary>
    public Guid CatalogStamp { get; set; }
}
