using PushInventory.Contracts;

namespace PushInventory.Catalog.Domain;

/// <summary>A tenant's plan as the gateway last published it (<c>TenantChanged</c>); a tenant not known here counts as Free.</summary>
internal sealed class TenantPlan
{
    public Guid TenantId { get; set; }
    public Plan Plan { get; set; }
    public long Version { get; set; }
}
