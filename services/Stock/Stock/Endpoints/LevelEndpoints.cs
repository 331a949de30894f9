using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;
using PushInventory.Stock.Domain;
using PushInventory.Stock.Persistence;

namespace PushInventory.Stock.Endpoints;

internal static class LevelEndpoints
{
    public sealed record LevelsResponse(Guid MerchantSkuId, string MerchantSkuCode, bool IsBundle, IReadOnlyList<LevelView> Levels);

    public static RouteGroupBuilder MapLevelEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/levels", GetAsync);
        return group;
    }

    static async Task<Results<Ok<LevelsResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string? merchantSkuCode, HttpContext http, StockDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text(merchantSkuCode, "merchantSkuCode", MovementRules.MaxCodeLength);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var code = Codes.Normalize(merchantSkuCode!);
        var sku = await db.MerchantSkus.AsNoTracking()
            .FirstOrDefaultAsync(s => s.TenantId == tenantId && s.NormalizedCode == code && !s.Deleted, cancellationToken);
        if (sku is null)
        {
            return Problems.NotFound($"No merchant SKU with code '{merchantSkuCode!.Trim()}'.");
        }

        List<LevelView> levels;
        if (sku.IsBundle)
        {
            levels = await (from l in db.BundleLevels
                            join w in db.Warehouses on l.WarehouseId equals w.Id
                            where l.TenantId == tenantId && l.BundleId == sku.Id
                            orderby w.NormalizedCode
                            select new LevelView(w.Code, l.Available, 0, l.Available, l.Version)).ToListAsync(cancellationToken);
        }
        else
        {
            levels = await (from l in db.Levels
                            join w in db.Warehouses on l.WarehouseId equals w.Id
                            where l.TenantId == tenantId && l.MerchantSkuId == sku.Id
                            orderby w.NormalizedCode
                            select new LevelView(w.Code, l.OnHand, l.Allocated, l.OnHand - l.Allocated, l.Version)).ToListAsync(cancellationToken);
        }

        return TypedResults.Ok(new LevelsResponse(sku.Id, sku.Code, sku.IsBundle, levels));
    }
}
