using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Catalog.Domain;
using PushInventory.Catalog.Persistence;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Catalog.Endpoints;

/// <summary>
/// <c>POST /merchant-skus/from-store-skus</c>: "create and map in one step". Each store SKU's seller SKU code
/// becomes a single merchant SKU (an existing SKU with that code is reused), and a <see cref="LinkStoreSku"/>
/// command asks the Mapping service to map the store SKU to it. Unknown ids and empty seller SKUs are reported
/// per item; the rest is saved in one transaction. Going over the Free plan's limit refuses the whole request.
/// </summary>
internal static class FromStoreSkusEndpoints
{
    public sealed record FromStoreSkusRequest(IReadOnlyList<Guid>? StoreSkuIds);

    public sealed record FromStoreSkuResult(Guid StoreSkuId, Guid? MerchantSkuId, string? Code, bool Created, string? Error);

    public sealed record FromStoreSkusResponse(int Created, int Reused, int Failed, IReadOnlyList<FromStoreSkuResult> Items);

    public static RouteGroupBuilder MapFromStoreSkusEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/merchant-skus/from-store-skus", GenerateAsync);
        return group;
    }

    static async Task<Results<Ok<FromStoreSkusResponse>, ValidationProblem, ProblemHttpResult>> GenerateAsync(
        FromStoreSkusRequest request, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.StoreSkuIds is not { Count: > 0 and <= CatalogLimits.MaxFromStoreSkus } ids)
        {
            return new Validation().Add("storeSkuIds", $"'storeSkuIds' must hold 1 to {CatalogLimits.MaxFromStoreSkus} ids.").ToProblem();
        }

        var tenantId = http.GetTenantId();
        var distinct = ids.Distinct().ToList();
        var storeSkus = await db.StoreSkus.AsNoTracking()
            .Where(s => s.TenantId == tenantId && distinct.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var codes = storeSkus.Values.Where(s => s.NormalizedSellerSku.Length > 0).Select(s => s.NormalizedSellerSku).Distinct().ToList();
        var existing = await db.MerchantSkus.AsNoTracking()
            .Where(s => s.TenantId == tenantId && codes.Contains(s.NormalizedCode))
            .ToDictionaryAsync(s => s.NormalizedCode, StringComparer.Ordinal, cancellationToken);

        var toCreate = codes.Count(c => !existing.ContainsKey(c));
        if (toCreate > 0 && await PlanLimits.RemainingMerchantSkusAsync(db, tenantId, cancellationToken) is { } remaining && toCreate > remaining)
        {
            return Problems.PlanLimit($"{CatalogLimits.FreePlanLimitMessage}; this request would create {toCreate} and {remaining} more are allowed. Nothing was created.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var actor = http.GetActor();
        var results = new List<FromStoreSkuResult>(distinct.Count);
        foreach (var id in distinct)
        {
            if (!storeSkus.TryGetValue(id, out var storeSku))
            {
                results.Add(new(id, null, null, false, $"No store SKU with id '{id}'."));
                continue;
            }

            if (storeSku.SellerSku.Length == 0)
            {
                results.Add(new(id, null, null, false, "The store SKU has no seller SKU code to make a merchant SKU from."));
                continue;
            }

            var created = false;
            if (!existing.TryGetValue(storeSku.NormalizedSellerSku, out var sku))
            {
                sku = new MerchantSku
                {
                    Id = Guid.CreateVersion7(),
                    TenantId = tenantId,
                    Code = storeSku.SellerSku,
                    NormalizedCode = storeSku.NormalizedSellerSku,
                    Name = string.IsNullOrWhiteSpace(storeSku.Name) ? storeSku.SellerSku : storeSku.Name,
                    Version = 1,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                existing[sku.NormalizedCode] = sku;
                db.MerchantSkus.Add(sku);
                db.AddOutboxMessage(MerchantSkuViews.ToEvent(sku, new Dictionary<Guid, string>(), deleted: false, now), now);
                created = true;
            }

            db.AddOutboxMessage(new LinkStoreSku(tenantId, storeSku.Id, sku.Id, sku.Code, actor, now), now);
            results.Add(new(id, sku.Id, sku.Code, created, null));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("A merchant SKU with one of these codes was created by another request meanwhile; nothing was stored. Send the request again.");
        }

        return TypedResults.Ok(new FromStoreSkusResponse(
            results.Count(r => r.Created),
            results.Count(r => r.Error is null && !r.Created),
            results.Count(r => r.Error is not null),
            results));
    }
}
