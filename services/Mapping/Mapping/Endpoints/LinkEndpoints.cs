using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Mapping.Domain;
using PushInventory.Mapping.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Mapping.Endpoints;

internal static class LinkEndpoints
{
    public const int MaxCodeLength = 200;

    /// <summary>Map a store SKU: <c>storeSkuId</c> and exactly one of <c>merchantSkuId</c> or <c>merchantSkuCode</c>.</summary>
    public sealed record PutLinkRequest(Guid? StoreSkuId, Guid? MerchantSkuId, string? MerchantSkuCode);

    /// <summary>A store SKU and the merchant SKU it is mapped to (null when unmapped); version counts its link changes.</summary>
    public sealed record LinkResponse(Guid StoreSkuId, Guid StoreId, string? StoreName, string SellerSku, Guid? MerchantSkuId, string? MerchantSkuCode, long Version, DateTime? ChangedAt, string? ChangedBy);

    public sealed record LinkPage(IReadOnlyList<LinkResponse> Items, string? NextCursor);

    public static RouteGroupBuilder MapLinkEndpoints(this RouteGroupBuilder group)
    {
        group.MapPut("/links", PutAsync);
        group.MapDelete("/links/{storeSkuId:guid}", DeleteAsync);
        group.MapGet("/links", ListAsync);
        return group;
    }

    /// <summary>200 with the link; 404 naming each unknown id or code (another tenant's included); the same link again changes nothing.</summary>
    static async Task<Results<Ok<LinkResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        PutLinkRequest request, HttpContext http, MappingWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(request.StoreSkuId is { } id && id != Guid.Empty, "storeSkuId", "'storeSkuId' is required.")
            .Require(request.MerchantSkuId is null ^ request.MerchantSkuCode is null, "merchantSkuId", "Give exactly one of 'merchantSkuId' or 'merchantSkuCode'.");
        if (request.MerchantSkuCode is not null)
        {
            validation.Text(request.MerchantSkuCode, "merchantSkuCode", MaxCodeLength);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var actor = http.GetActor();
        var now = LinkChanges.Now(time);
        var (problem, link) = await writer.WriteAsync(async db =>
        {
            var storeSku = await FindStoreSkuAsync(db, tenantId, request.StoreSkuId!.Value, cancellationToken);
            var merchant = request.MerchantSkuId is { } merchantSkuId
                ? await db.MerchantSkus.AsNoTracking().FirstOrDefaultAsync(m => m.Id == merchantSkuId && m.TenantId == tenantId && !m.Deleted, cancellationToken)
                : await FindMerchantByCodeAsync(db, tenantId, request.MerchantSkuCode!, cancellationToken);
            var missing = new List<string>();
            if (storeSku is null)
            {
                missing.Add($"No store SKU with id {request.StoreSkuId}.");
            }

            if (merchant is null)
            {
                missing.Add(request.MerchantSkuId is { } mid ? $"No merchant SKU with id {mid}." : $"No merchant SKU with code '{request.MerchantSkuCode!.Trim()}'.");
            }

            if (storeSku is null || merchant is null)
            {
                return (string.Join(" ", missing), (LinkResponse?)null);
            }

            LinkChanges.Relink(db, storeSku, merchant, actor, ChangeReason.Linked, now);
            return ((string?)null, await ToResponseAsync(db, storeSku, cancellationToken));
        }, cancellationToken);

        return problem is not null ? Problems.NotFound(problem) : TypedResults.Ok(link!);
    }

    /// <summary>204; 404 when the store SKU is unknown or not mapped.</summary>
    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid storeSkuId, HttpContext http, MappingWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var actor = http.GetActor();
        var now = LinkChanges.Now(time);
        var problem = await writer.WriteAsync(async db =>
        {
            var storeSku = await FindStoreSkuAsync(db, tenantId, storeSkuId, cancellationToken);
            if (storeSku is null)
            {
                return $"No store SKU with id {storeSkuId}.";
            }

            return LinkChanges.Relink(db, storeSku, null, actor, ChangeReason.Unlinked, now) ? null : $"Store SKU {storeSkuId} is not mapped.";
        }, cancellationToken);

        return problem is not null ? Problems.NotFound(problem) : TypedResults.NoContent();
    }

    /// <summary>
    /// Store SKUs (deleted ones left out) with their merchant SKU, in the order this service learnt of them.
    /// Filters: <c>storeId</c>, <c>merchantSkuId</c>, <c>unmappedOnly=true</c> (not with merchantSkuId).
    /// </summary>
    static async Task<Results<Ok<LinkPage>, ValidationProblem>> ListAsync(
        Guid? storeId, Guid? merchantSkuId, bool? unmappedOnly, int? limit, string? cursor, HttpContext http, MappingDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(!(merchantSkuId is not null && unmappedOnly == true), "unmappedOnly", "'unmappedOnly' cannot be combined with 'merchantSkuId'.");
        var take = Paging.Limit(limit, validation);
        var after = Paging.Decode(cursor, 1, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var query = db.StoreSkus.AsNoTracking().Where(s => s.TenantId == tenantId && !s.Deleted);
        if (storeId is { } store)
        {
            query = query.Where(s => s.StoreId == store);
        }

        if (merchantSkuId is { } merchant)
        {
            query = query.Where(s => s.MerchantSkuId == merchant);
        }

        if (unmappedOnly == true)
        {
            query = query.Where(s => s.MerchantSkuId == null);
        }

        if (after is [var sequence])
        {
            query = query.Where(s => s.Sequence > sequence);
        }

        var rows = await query.OrderBy(s => s.Sequence).Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var names = await StoreNamesAsync(db, page.Select(s => s.StoreId), cancellationToken);
        var items = page.Select(s => ToResponse(s, names.GetValueOrDefault(s.StoreId))).ToList();
        return TypedResults.Ok(new LinkPage(items, rows.Count > take ? Paging.Encode(page[^1].Sequence) : null));
    }

    public static Task<StoreSku?> FindStoreSkuAsync(MappingDbContext db, Guid tenantId, Guid storeSkuId, CancellationToken cancellationToken) =>
        db.StoreSkus.FirstOrDefaultAsync(s => s.Id == storeSkuId && s.TenantId == tenantId && !s.Deleted, cancellationToken);

    public static Task<MerchantSku?> FindMerchantByCodeAsync(MappingDbContext db, Guid tenantId, string code, CancellationToken cancellationToken)
    {
        var normalized = Codes.Normalize(code);
        return db.MerchantSkus.AsNoTracking().FirstOrDefaultAsync(m => m.TenantId == tenantId && m.NormalizedCode == normalized && !m.Deleted, cancellationToken);
    }

    static async Task<Dictionary<Guid, string>> StoreNamesAsync(MappingDbContext db, IEnumerable<Guid> storeIds, CancellationToken cancellationToken)
    {
        var ids = storeIds.Distinct().ToList();
        return await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
    }

    static async Task<LinkResponse> ToResponseAsync(MappingDbContext db, StoreSku sku, CancellationToken cancellationToken) =>
        ToResponse(sku, (await StoreNamesAsync(db, [sku.StoreId], cancellationToken)).GetValueOrDefault(sku.StoreId));

    static LinkResponse ToResponse(StoreSku s, string? storeName) => new(
        s.Id, s.StoreId, storeName, s.SellerSku, s.MerchantSkuId, s.MerchantSkuCode, s.MappingVersion,
        s.ChangedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, s.ChangedBy);
}
