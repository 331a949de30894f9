using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Mapping.Endpoints;

internal static class AutoMapEndpoints
{
    /// <summary>The stores whose unmapped store SKUs are auto-mapped; all stores when omitted or empty.</summary>
    public sealed record AutoMapRequest(IReadOnlyList<Guid>? StoreIds);

    /// <summary>scanned = mapped + alreadyMapped + noMatch; pairs lists what was mapped.</summary>
    public sealed record AutoMapResponse(int Scanned, int Mapped, int AlreadyMapped, int NoMatch, IReadOnlyList<AutoMapping.Pair> Pairs);

    public static RouteGroupBuilder MapAutoMapEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/auto", PostAsync);
        return group;
    }

    /// <summary>
    /// Maps every unmapped store SKU whose seller SKU, under the tenant's normalisation rules, equals one live
    /// merchant SKU's code (trimmed, case-insensitive); mapped ones are left alone. 404 naming unknown store ids
    /// (a store is known from <c>StoreChanged</c> or from its store SKUs). One transaction.
    /// </summary>
    static async Task<Results<Ok<AutoMapResponse>, ProblemHttpResult>> PostAsync(
        AutoMapRequest? request, HttpContext http, MappingWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var storeIds = (request?.StoreIds ?? []).Distinct().ToList();
        var now = LinkChanges.Now(time);
        var (unknown, outcome) = await writer.WriteAsync(async db =>
        {
            if (storeIds.Count > 0)
            {
                var known = await db.Stores.Where(s => s.TenantId == tenantId && !s.Deleted && storeIds.Contains(s.Id)).Select(s => s.Id)
                    .Union(db.StoreSkus.Where(s => s.TenantId == tenantId && storeIds.Contains(s.StoreId)).Select(s => s.StoreId))
                    .ToListAsync(cancellationToken);
                var missing = storeIds.Except(known).ToList();
                if (missing.Count > 0)
                {
                    return (missing, (AutoMapping.Outcome?)null);
                }
            }

            return (new List<Guid>(), await AutoMapping.MapUnmappedAsync(db, tenantId, storeIds, now, cancellationToken));
        }, cancellationToken);

        if (outcome is null)
        {
            return Problems.NotFound($"No store with id {string.Join(", ", unknown)}.");
        }

        return TypedResults.Ok(new AutoMapResponse(outcome.Scanned, outcome.Mapped, outcome.AlreadyMapped, outcome.NoMatch, outcome.Pairs));
    }
}
