using Microsoft.EntityFrameworkCore;
using PushInventory.Catalog.Domain;
using PushInventory.Catalog.Persistence;
using PushInventory.Contracts;

namespace PushInventory.Catalog.Endpoints;

/// <summary>How a merchant SKU is shown over HTTP and announced on the bus: both carry its components with ids and codes.</summary>
internal static class MerchantSkuViews
{
    public sealed record MerchantSkuResponse(
        Guid Id,
        string Code,
        string Name,
        Guid? CategoryId,
        MerchantSkuKind Kind,
        IReadOnlyList<BundleComponent> Components,
        long Version,
        DateTime CreatedAt,
        DateTime UpdatedAt);

    /// <summary>The codes of every component of <paramref name="skus"/>, by id.</summary>
    public static async Task<Dictionary<Guid, string>> ComponentCodesAsync(CatalogDbContext db, Guid tenantId, IEnumerable<MerchantSku> skus, CancellationToken cancellationToken)
    {
        var ids = skus.SelectMany(s => s.Components).Select(c => c.ComponentId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.MerchantSkus.AsNoTracking()
            .Where(s => s.TenantId == tenantId && ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
    }

    public static List<BundleComponent> Components(MerchantSku sku, IReadOnlyDictionary<Guid, string> codes) =>
        sku.Components
            .OrderBy(c => c.Position)
            .Select(c => new BundleComponent(c.ComponentId, codes.GetValueOrDefault(c.ComponentId, ""), c.Quantity))
            .ToList();

    public static MerchantSkuResponse ToResponse(MerchantSku sku, IReadOnlyDictionary<Guid, string> codes) =>
        new(sku.Id, sku.Code, sku.Name, sku.CategoryId, sku.IsBundle ? MerchantSkuKind.Bundle : MerchantSkuKind.Single, Components(sku, codes), sku.Version, sku.CreatedAt, sku.UpdatedAt);

    public static MerchantSkuChanged ToEvent(MerchantSku sku, IReadOnlyDictionary<Guid, string> codes, bool deleted, DateTime now) =>
        new(sku.TenantId, sku.Id, sku.Code, sku.Name, sku.CategoryId, sku.IsBundle, Components(sku, codes), deleted, sku.Version, now);
}
