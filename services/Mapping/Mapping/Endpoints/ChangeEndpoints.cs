using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Mapping.Domain;
using PushInventory.Mapping.Persistence;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Mapping.Endpoints;

internal static class ChangeEndpoints
{
    /// <summary>One link change: before and after, who (an API actor, "auto-mapping", "catalog"), when and why.</summary>
    public sealed record ChangeResponse(
        long Id,
        Guid StoreSkuId,
        Guid StoreId,
        Guid? MerchantSkuIdBefore,
        string? MerchantSkuCodeBefore,
        Guid? MerchantSkuIdAfter,
        string? MerchantSkuCodeAfter,
        long Version,
        ChangeReason Reason,
        string ChangedBy,
        DateTime ChangedAt);

    public sealed record ChangePage(IReadOnlyList<ChangeResponse> Items, string? NextCursor);

    public static RouteGroupBuilder MapChangeEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/changes", ListAsync);
        return group;
    }

    /// <summary>The change log, newest first (keyset on changedAt, id), optionally of one store SKU.</summary>
    static async Task<Results<Ok<ChangePage>, ValidationProblem>> ListAsync(
        Guid? storeSkuId, int? limit, string? cursor, HttpContext http, MappingDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var take = Paging.Limit(limit, validation);
        var after = Paging.Decode(cursor, 2, validation);
        if (after is [var ticks, _] && (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks))
        {
            validation.Add("cursor", "'cursor' is not a cursor this list returned.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var query = db.Changes.AsNoTracking().Where(c => c.TenantId == tenantId);
        if (storeSkuId is { } id)
        {
            query = query.Where(c => c.StoreSkuId == id);
        }

        if (after is [var afterTicks, var afterId])
        {
            var at = new DateTime(afterTicks, DateTimeKind.Utc);
            query = query.Where(c => c.ChangedAt < at || (c.ChangedAt == at && c.Id < afterId));
        }

        var rows = await query.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).Select(c => new ChangeResponse(
            c.Id, c.StoreSkuId, c.StoreId, c.MerchantSkuIdBefore, c.MerchantSkuCodeBefore, c.MerchantSkuIdAfter, c.MerchantSkuCodeAfter,
            c.Version, c.Reason, c.ChangedBy, DateTime.SpecifyKind(c.ChangedAt, DateTimeKind.Utc))).ToList();
        return TypedResults.Ok(new ChangePage(page, rows.Count > take ? Paging.Encode(page[^1].ChangedAt.Ticks, page[^1].Id) : null));
    }
}
