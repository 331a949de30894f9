using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;
using PushInventory.Push.Planning;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Push.Endpoints;

internal static class SimulateEndpoints
{
    public const int MaxCodes = 50;

    public sealed record SimulateRequest(IReadOnlyList<string?>? MerchantSkuCodes);

    public sealed record StepView(string Name, decimal Value, string Text);

    public sealed record SimulationItem(
        Guid StoreSkuId,
        Guid StoreId,
        string? StoreName,
        Marketplace? Marketplace,
        string? SellerSku,
        string? MerchantSkuCode,
        Guid? RuleId,
        string? RuleName,
        NoPushReason? NoPushReason,
        int? Available,
        IReadOnlyList<string> Warehouses,
        IReadOnlyList<StepView> Steps,
        int? Quantity,
        bool? PreOrder,
        int? DaysToShip);

    public sealed record SimulationResponse(IReadOnlyList<SimulationItem> Items);

    public static RouteGroupBuilder MapSimulateEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/simulate", SimulateAsync);
        return group;
    }

    /// <summary>What would be pushed to every store SKU mapped to the given merchant SKUs (or bundles of them), and why. Pushes nothing.</summary>
    static async Task<Results<Ok<SimulationResponse>, ValidationProblem, ProblemHttpResult>> SimulateAsync(
        SimulateRequest request, HttpContext http, PushDbContext db, CancellationToken cancellationToken)
    {
        var codes = request.MerchantSkuCodes ?? [];
        var validation = new Validation()
            .Require(codes.Count is >= 1 and <= MaxCodes, "merchantSkuCodes", $"Give 1 to {MaxCodes} merchant SKU codes.");
        for (var i = 0; i < codes.Count && i < MaxCodes; i++)
        {
            validation.Text(codes[i], $"merchantSkuCodes[{i}]", 200);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var wanted = codes.Select(c => c!.Trim()).DistinctBy(Codes.Normalize, StringComparer.Ordinal).ToList();
        var normalized = wanted.Select(Codes.Normalize).ToList();
        var merchants = await db.MerchantSkus.AsNoTracking()
            .Where(s => s.TenantId == tenantId && !s.Deleted && normalized.Contains(s.NormalizedCode))
            .Select(s => new { s.Id, s.NormalizedCode })
            .ToListAsync(cancellationToken);
        var unknown = wanted.Where(c => merchants.All(m => m.NormalizedCode != Codes.Normalize(c))).ToList();
        if (unknown.Count > 0)
        {
            return Problems.NotFound($"Unknown merchant SKU codes: {string.Join(", ", unknown)}.");
        }

        var mappings = await SnapshotLoader.MappedToAsync(db, tenantId, merchants.Select(m => m.Id).ToList(), catalog: null, cancellationToken);
        var ids = mappings.Select(m => m.StoreSkuId).Distinct().ToList();
        var plan = await db.TenantSettings.AsNoTracking().Where(t => t.TenantId == tenantId).Select(t => (Plan?)t.Plan).FirstOrDefaultAsync(cancellationToken) ?? Plan.Free;
        var data = await SnapshotLoader.LoadAsync(db, tenantId, plan, ids, trackStates: false, cancellationToken, new(mappings, null));
        var items = PushEngine.Decide(data.Snapshot, ids)
            .Select(d =>
            {
                var sku = data.StoreSkus.GetValueOrDefault(d.StoreSkuId);
                var store = sku is null ? null : data.Stores.GetValueOrDefault(sku.StoreId);
                return new SimulationItem(
                    d.StoreSkuId, sku?.StoreId ?? d.StoreId, store?.Name, store?.Marketplace ?? sku?.Marketplace, sku?.SellerSku, d.MerchantSkuCode,
                    d.RuleId, d.RuleName, d.NoPushReason, d.Available, d.Warehouses,
                    [.. d.Steps.Select(s => new StepView(s.Name, s.Value, s.Text))],
                    d.Quantity, d.PreOrder, d.DaysToShip);
            })
            .OrderBy(i => i.MerchantSkuCode, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.StoreName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.SellerSku, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return TypedResults.Ok(new SimulationResponse(items));
    }
}
