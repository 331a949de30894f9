using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Catalog.Domain;
using PushInventory.Catalog.Persistence;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Catalog.Endpoints;

/// <summary>
/// Store SKUs, upserted by the marketplace's own ids (Shopee item + model, Lazada item + SKU, TikTok Shop and
/// Tokopedia product + SKU). Ids of another marketplace are ignored. An upsert that changes nothing publishes nothing.
/// </summary>
internal static class StoreSkuEndpoints
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";

    public sealed record StoreSkuRequest(string? SellerSku, string? Name, long? ItemId, long? ModelId, long? SkuId, long? ProductId, IReadOnlyList<string?>? PlatformWarehouseIds, int? ReservedStock);

    public sealed record UpsertStoreSkusRequest(IReadOnlyList<StoreSkuRequest?>? Skus);

    public sealed record UpsertedStoreSku(Guid Id, string SellerSku, string Status);

    public sealed record UpsertStoreSkusResponse(int Created, int Updated, int Unchanged, IReadOnlyList<UpsertedStoreSku> Items);

    public sealed record StoreSkuResponse(
        Guid Id,
        Guid StoreId,
        string SellerSku,
        string Name,
        long? ItemId,
        long? ModelId,
        long? SkuId,
        long? ProductId,
        IReadOnlyList<string> PlatformWarehouseIds,
        int ReservedStock,
        long Version,
        DateTime CreatedAt,
        DateTime UpdatedAt);

    public static RouteGroupBuilder MapStoreSkuEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/stores/{storeId:guid}/skus", UpsertAsync);
        group.MapGet("/stores/{storeId:guid}/skus", ListAsync);
        group.MapGet("/stores/{storeId:guid}/skus/{id:guid}", GetAsync);
        group.MapDelete("/stores/{storeId:guid}/skus/{id:guid}", DeleteAsync);
        return group;
    }

    static async Task<Results<Ok<UpsertStoreSkusResponse>, ValidationProblem, ProblemHttpResult>> UpsertAsync(
        Guid storeId, UpsertStoreSkusRequest request, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId && s.TenantId == tenantId, cancellationToken);
        if (store is null)
        {
            return StoreNotFound(storeId);
        }

        var validation = new Validation();
        if (request.Skus is not { Count: > 0 and <= CatalogLimits.MaxStoreSkusPerRequest } items)
        {
            return validation.Add("skus", $"'skus' must hold 1 to {CatalogLimits.MaxStoreSkusPerRequest} store SKUs.").ToProblem();
        }

        var wanted = new List<StoreSku>(items.Count);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var sku = Read(store.Marketplace, items[i], $"skus[{i}]", validation);
            if (sku is null)
            {
                continue;
            }

            if (!keys.TryAdd(sku.MarketplaceKey, i))
            {
                validation.Add($"skus[{i}]", $"The same marketplace ids as skus[{keys[sku.MarketplaceKey]}]; list each store SKU once.");
            }

            wanted.Add(sku);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var keyList = keys.Keys.ToList();
        var existing = await db.StoreSkus
            .Where(s => s.StoreId == storeId && keyList.Contains(s.MarketplaceKey))
            .ToDictionaryAsync(s => s.MarketplaceKey, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var results = new List<UpsertedStoreSku>(wanted.Count);
        foreach (var want in wanted)
        {
            if (!existing.TryGetValue(want.MarketplaceKey, out var sku))
            {
                want.Id = Guid.CreateVersion7();
                want.TenantId = tenantId;
                want.StoreId = storeId;
                want.Version = 1;
                want.CreatedAt = now;
                want.UpdatedAt = now;
                db.StoreSkus.Add(want);
                db.AddOutboxMessage(ToEvent(want, store.Marketplace, deleted: false, now), now);
                results.Add(new(want.Id, want.SellerSku, Created));
                continue;
            }

            if (Same(sku, want))
            {
                results.Add(new(sku.Id, sku.SellerSku, Unchanged));
                continue;
            }

            sku.SellerSku = want.SellerSku;
            sku.NormalizedSellerSku = want.NormalizedSellerSku;
            sku.Name = want.Name;
            sku.ItemId = want.ItemId;
            sku.ModelId = want.ModelId;
            sku.SkuId = want.SkuId;
            sku.ProductId = want.ProductId;
            sku.PlatformWarehouseIds = want.PlatformWarehouseIds;
            sku.ReservedStock = want.ReservedStock;
            sku.Version++;
            sku.UpdatedAt = now;
            db.AddOutboxMessage(ToEvent(sku, store.Marketplace, deleted: false, now), now);
            results.Add(new(sku.Id, sku.SellerSku, Updated));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Some of these store SKUs were changed by another request meanwhile; nothing was stored. Send them again.");
        }

        return TypedResults.Ok(new UpsertStoreSkusResponse(
            results.Count(r => r.Status == Created),
            results.Count(r => r.Status == Updated),
            results.Count(r => r.Status == Unchanged),
            results));
    }

    static async Task<Results<Ok<Page<StoreSkuResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid storeId, string? sellerSku, int? limit, string? cursor, HttpContext http, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text(sellerSku, "sellerSku", CatalogLimits.MaxCodeLength, required: false);
        var (take, after) = Paging.Read(limit, cursor, 2, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        if (!await db.Stores.AnyAsync(s => s.Id == storeId && s.TenantId == tenantId, cancellationToken))
        {
            return StoreNotFound(storeId);
        }

        var query = db.StoreSkus.AsNoTracking().Where(s => s.StoreId == storeId && s.TenantId == tenantId);
        if (!string.IsNullOrWhiteSpace(sellerSku))
        {
            var code = Codes.Normalize(sellerSku);
            query = query.Where(s => s.NormalizedSellerSku == code);
        }

        if (after is not null)
        {
            var (lastCode, lastKey) = (after[0], after[1]);
            query = query.Where(s => string.Compare(s.NormalizedSellerSku, lastCode) > 0
                || (s.NormalizedSellerSku == lastCode && string.Compare(s.MarketplaceKey, lastKey) > 0));
        }

        var rows = await query.OrderBy(s => s.NormalizedSellerSku).ThenBy(s => s.MarketplaceKey).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, s => [s.NormalizedSellerSku, s.MarketplaceKey], ToResponse));
    }

    static async Task<Results<Ok<StoreSkuResponse>, ProblemHttpResult>> GetAsync(Guid storeId, Guid id, HttpContext http, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var sku = await db.StoreSkus.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.StoreId == storeId && s.TenantId == tenantId, cancellationToken);
        return sku is null ? NotFound(id) : TypedResults.Ok(ToResponse(sku));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid storeId, Guid id, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var sku = await db.StoreSkus.FirstOrDefaultAsync(s => s.Id == id && s.StoreId == storeId && s.TenantId == tenantId, cancellationToken);
        if (sku is null)
        {
            return NotFound(id);
        }

        var marketplace = await db.Stores.Where(s => s.Id == storeId).Select(s => s.Marketplace).FirstAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        sku.Version++;
        sku.UpdatedAt = now;
        db.AddOutboxMessage(ToEvent(sku, marketplace, deleted: true, now), now);
        db.StoreSkus.Remove(sku);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The store SKU was changed by another request; read it again and retry.");
        }

        return TypedResults.NoContent();
    }

    /// <summary>One requested store SKU, checked against what its marketplace needs; null (with the problems recorded) when it is unusable.</summary>
    static StoreSku? Read(Marketplace marketplace, StoreSkuRequest? item, string field, Validation validation)
    {
        if (item is null)
        {
            validation.Add(field, "A store SKU is required.");
            return null;
        }

        // Checked on its own first, so that a bad item is left out of the duplicate check.
        var own = new Validation();
        own.Text(item.SellerSku, $"{field}.sellerSku", CatalogLimits.MaxCodeLength, required: false);
        own.Text(item.Name, $"{field}.name", CatalogLimits.MaxNameLength, required: false);
        if (item.ReservedStock is < 0)
        {
            own.Add($"{field}.reservedStock", "'reservedStock' must not be negative.");
        }

        var warehouses = new List<string>();
        if (item.PlatformWarehouseIds is { } ids)
        {
            if (ids.Count > CatalogLimits.MaxPlatformWarehouseIds)
            {
                own.Add($"{field}.platformWarehouseIds", $"At most {CatalogLimits.MaxPlatformWarehouseIds} platform warehouse ids.");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                own.Text(ids[i], $"{field}.platformWarehouseIds[{i}]", CatalogLimits.MaxPlatformWarehouseIdLength);
            }

            warehouses = ids.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        }

        long? itemId = null, modelId = null, skuId = null, productId = null;
        switch (marketplace)
        {
            case Marketplace.Shopee:
                itemId = Id(item.ItemId, "itemId", required: true);
                modelId = item.ModelId is null ? 0 : Id(item.ModelId, "modelId", required: true, zeroAllowed: true);
                break;
            case Marketplace.Lazada:
                itemId = Id(item.ItemId, "itemId", required: true);
                skuId = Id(item.SkuId, "skuId", required: true);
                break;
            default:
                productId = Id(item.ProductId, "productId", required: true);
                skuId = Id(item.SkuId, "skuId", required: true);
                break;
        }

        if (!own.IsValid)
        {
            foreach (var (name, messages) in own.ToProblem().ProblemDetails.Errors)
            {
                foreach (var message in messages)
                {
                    validation.Add(name, message);
                }
            }

            return null;
        }

        var key = marketplace switch
        {
            Marketplace.Shopee => $"{itemId}:{modelId}",
            Marketplace.Lazada => $"{itemId}:{skuId}",
            _ => $"{productId}:{skuId}",
        };
        var sellerSku = item.SellerSku?.Trim() ?? "";
        return new StoreSku
        {
            MarketplaceKey = key,
            SellerSku = sellerSku,
            NormalizedSellerSku = Codes.Normalize(sellerSku),
            Name = item.Name?.Trim() ?? "",
            ItemId = itemId,
            ModelId = modelId,
            SkuId = skuId,
            ProductId = productId,
            PlatformWarehouseIds = warehouses,
            ReservedStock = item.ReservedStock ?? 0,
        };

        long? Id(long? value, string name, bool required, bool zeroAllowed = false)
        {
            if (value is null)
            {
                if (required)
                {
                    own.Add($"{field}.{name}", $"'{name}' is required for a {marketplace} store SKU ({string.Join(" + ", MarketplaceRules.KeyFields(marketplace))}).");
                }

                return null;
            }

            if (value < 0 || (value == 0 && !zeroAllowed))
            {
                own.Add($"{field}.{name}", $"'{name}' must be a positive 64-bit integer{(zeroAllowed ? " or 0" : "")}.");
                return null;
            }

            return value;
        }
    }

    static bool Same(StoreSku a, StoreSku b) =>
        a.SellerSku == b.SellerSku && a.Name == b.Name && a.ItemId == b.ItemId && a.ModelId == b.ModelId && a.SkuId == b.SkuId
        && a.ProductId == b.ProductId && a.ReservedStock == b.ReservedStock && a.PlatformWarehouseIds.SequenceEqual(b.PlatformWarehouseIds);

    public static StoreSkuChanged ToEvent(StoreSku s, Marketplace marketplace, bool deleted, DateTime now) =>
        new(s.TenantId, s.Id, s.StoreId, marketplace, s.SellerSku, s.Name, s.ItemId, s.ModelId, s.SkuId, s.ProductId, [.. s.PlatformWarehouseIds], s.ReservedStock, deleted, s.Version, now);

    static StoreSkuResponse ToResponse(StoreSku s) =>
        new(s.Id, s.StoreId, s.SellerSku, s.Name, s.ItemId, s.ModelId, s.SkuId, s.ProductId, s.PlatformWarehouseIds, s.ReservedStock, s.Version, s.CreatedAt, s.UpdatedAt);

    static ProblemHttpResult StoreNotFound(Guid storeId) => Problems.NotFound($"No store with id '{storeId}'.");

    static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No store SKU with id '{id}'.");
}
