using Microsoft.EntityFrameworkCore;
using PushInventory.Catalog.Domain;
using PushInventory.Catalog.Persistence;
using PushInventory.Contracts;

namespace PushInventory.Catalog;

/// <summary>The Free plan's merchant SKU limit. Plans come from <c>TenantChanged</c>; a tenant not heard of yet is Free.</summary>
internal static class PlanLimits
{
    /// <summary>How many more merchant SKUs the tenant may create; null when its plan has no limit.</summary>
    public static async Task<int?> RemainingMerchantSkusAsync(CatalogDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        var plan = await db.Tenants.AsNoTracking()
            .Where(t => t.TenantId == tenantId)
            .Select(t => (Plan?)t.Plan)
            .FirstOrDefaultAsync(cancellationToken) ?? Plan.Free;
        if (plan != Plan.Free)
        {
            return null;
        }

        var count = await db.MerchantSkus.CountAsync(s => s.TenantId == tenantId, cancellationToken);
        return Math.Max(0, CatalogLimits.FreePlanMerchantSkus - count);
    }
}
