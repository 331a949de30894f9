using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PushInventory.Catalog.Domain;
using PushInventory.Catalog.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Catalog.Endpoints;

/// <summary>
/// <c>POST /merchant-skus/import</c>: a CSV of <c>code,name,category</c>. Each row creates or updates (by code)
/// one single SKU as a whole, or fails with its reason; categories are found by name and created when missing.
/// A row is the SKU's new state: an empty name means the code, an empty category means none. A bundle's
/// row changes its name and category, never its components. Everything is saved in one transaction.
/// </summary>
internal static class MerchantSkuImportEndpoints
{
    public sealed record ImportError(int Row, string Code, string Reason);

    public sealed record ImportResponse(int Created, int Updated, int Unchanged, int Failed, IReadOnlyList<ImportError> Errors);

    static readonly Dictionary<Guid, string> NoComponents = [];

    sealed record Existing(Guid Id, string Code, string Name, Guid? CategoryId, bool IsBundle, long Version, DateTime CreatedAt);

    public static RouteGroupBuilder MapMerchantSkuImportEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/merchant-skus/import", ImportAsync)
            .Accepts<string>("text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(CatalogLimits.MaxImportBytes));
        return group;
    }

    static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("Send the file as the request body with Content-Type: text/csv (UTF-8).", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var file = MerchantSkuCsv.Read(body.ToArray());
        if (file.Error is not null)
        {
            return Problems.BadRequest(file.Error + " Nothing was imported.");
        }

        var tenantId = http.GetTenantId();
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.MerchantSkus.AsNoTracking()
            .Where(s => s.TenantId == tenantId)
            .Select(s => new { s.NormalizedCode, Sku = new Existing(s.Id, s.Code, s.Name, s.CategoryId, s.IsBundle, s.Version, s.CreatedAt) })
            .ToDictionaryAsync(s => s.NormalizedCode, s => s.Sku, StringComparer.Ordinal, cancellationToken);
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .ToDictionaryAsync(c => c.NormalizedName, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var remaining = await PlanLimits.RemainingMerchantSkusAsync(db, tenantId, cancellationToken);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var errors = new List<ImportError>();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        var created = new List<MerchantSku>();
        var updated = new List<(MerchantSku Sku, Existing Before)>();
        var newCategories = new List<Category>();
        var unchanged = 0;
        foreach (var row in file.Rows)
        {
            var code = row.Code.Trim();
            var reason = row.Problem ?? Problem(row);
            var normalized = reason is null ? Codes.Normalize(code) : "";
            if (reason is null && !firstRow.TryAdd(normalized, row.Number))
            {
                reason = $"code '{code}' is already in row {firstRow[normalized]} of this file";
            }

            existing.TryGetValue(normalized, out var before);
            if (reason is null && before is null && remaining is <= 0)
            {
                reason = CatalogLimits.FreePlanLimitMessage;
            }

            if (reason is not null)
            {
                errors.Add(new ImportError(row.Number, code, reason));
                continue;
            }

            var name = string.IsNullOrWhiteSpace(row.Name) ? code : row.Name.Trim();
            var categoryId = string.IsNullOrWhiteSpace(row.Category) ? (Guid?)null : CategoryId(row.Category.Trim());
            if (before is null)
            {
                remaining--;
                created.Add(new MerchantSku
                {
                    Id = Guid.CreateVersion7(),
                    TenantId = tenantId,
                    Code = code,
                    NormalizedCode = normalized,
                    Name = name,
                    CategoryId = categoryId,
                    Version = 1,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
            else if (before.Name == name && before.CategoryId == categoryId)
            {
                unchanged++;
            }
            else
            {
                updated.Add((new MerchantSku
                {
                    Id = before.Id,
                    TenantId = tenantId,
                    Code = before.Code,
                    NormalizedCode = normalized,
                    Name = name,
                    CategoryId = categoryId,
                    IsBundle = before.IsBundle,
                    Version = before.Version + 1,
                    CreatedAt = before.CreatedAt,
                    UpdatedAt = now,
                }, before));
            }
        }

        if (created.Count + updated.Count > 0)
        {
            await StageAsync(db, tenantId, newCategories, updated, existing.Values, now, cancellationToken);
            var events = created.Select(sku => MerchantSkuViews.ToEvent(sku, NoComponents, deleted: false, now));
            try
            {
                // Categories and updates through the change tracker, then the new SKUs and their events in bulk:
                // tracking 50,000 new rows and as many outbox rows would cost more than the rest of the import.
                await db.SaveChangesWithBulkAsync(
                    async ct =>
                    {
                        await db.BulkInsertAsync(created, ct);
                        await db.BulkAddOutboxMessagesAsync(events, now, ct);
                    },
                    cancellationToken);
            }
            catch (Exception e) when (e is DbUpdateException or DbException)
            {
                return Problems.Conflict("Merchant SKUs or categories of this file were changed by another request meanwhile; nothing was imported. Send the file again.");
            }
        }

        return TypedResults.Ok(new ImportResponse(created.Count, updated.Count, unchanged, errors.Count, errors));

        Guid CategoryId(string categoryName)
        {
            var key = Codes.Normalize(categoryName);
            if (!categories.TryGetValue(key, out var id))
            {
                var category = CategoryEndpoints.New(tenantId, categoryName, now);
                newCategories.Add(category);
                categories[key] = id = category.Id;
            }

            return id;
        }
    }

    /// <summary>Adds the new categories, marks the updated SKUs (guarded by their version) and their events; nothing is saved yet.</summary>
    static async Task StageAsync(CatalogDbContext db, Guid tenantId, List<Category> newCategories, List<(MerchantSku Sku, Existing Before)> updated, IEnumerable<Existing> existing, DateTime now, CancellationToken cancellationToken)
    {
        db.Categories.AddRange(newCategories);
        foreach (var category in newCategories)
        {
            db.AddOutboxMessage(CategoryEndpoints.ToEvent(category, deleted: false, now), now);
        }

        // A bundle's event carries its components, which the file does not change: read them for the updated bundles only.
        var bundleIds = updated.Where(u => u.Sku.IsBundle).Select(u => u.Sku.Id).ToList();
        var components = bundleIds.Count == 0
            ? []
            : await db.Components.AsNoTracking().Where(c => c.TenantId == tenantId && bundleIds.Contains(c.BundleId)).ToListAsync(cancellationToken);
        var codes = components.Count == 0 ? NoComponents : existing.ToDictionary(e => e.Id, e => e.Code);
        var componentsByBundle = components.ToLookup(c => c.BundleId);
        foreach (var (sku, before) in updated)
        {
            var entry = db.MerchantSkus.Attach(new MerchantSku
            {
                Id = sku.Id,
                TenantId = tenantId,
                Code = before.Code,
                NormalizedCode = sku.NormalizedCode,
                Name = before.Name,
                CategoryId = before.CategoryId,
                IsBundle = before.IsBundle,
                Version = before.Version,
                CreatedAt = before.CreatedAt,
            });
            entry.Property(s => s.Name).CurrentValue = sku.Name;
            entry.Property(s => s.CategoryId).CurrentValue = sku.CategoryId;
            entry.Property(s => s.Version).CurrentValue = sku.Version;
            entry.Property(s => s.UpdatedAt).CurrentValue = now;
            entry.Property(s => s.Name).IsModified = true;
            entry.Property(s => s.CategoryId).IsModified = true;
            entry.Property(s => s.Version).IsModified = true;
            entry.Property(s => s.UpdatedAt).IsModified = true;
            sku.Components = componentsByBundle[sku.Id].ToList();
            db.AddOutboxMessage(MerchantSkuViews.ToEvent(sku, codes, deleted: false, now), now);
        }
    }

    /// <summary>Why a row's fields cannot be stored, or null.</summary>
    static string? Problem(MerchantSkuCsv.Row row)
    {
        if (string.IsNullOrWhiteSpace(row.Code))
        {
            return "code is required";
        }

        if (row.Code.Trim().Length > CatalogLimits.MaxCodeLength)
        {
            return $"code must be at most {CatalogLimits.MaxCodeLength} characters";
        }

        if (row.Code.Any(char.IsControl))
        {
            return "code must not contain control characters";
        }

        if (row.Name.Trim().Length > CatalogLimits.MaxNameLength)
        {
            return $"name must be at most {CatalogLimits.MaxNameLength} characters";
        }

        if (row.Name.Any(char.IsControl))
        {
            return "name must not contain control characters";
        }

        if (row.Category.Trim().Length > CatalogLimits.MaxCategoryNameLength)
        {
            return $"category must be at most {CatalogLimits.MaxCategoryNameLength} characters";
        }

        return row.Category.Any(char.IsControl) ? "category must not contain control characters" : null;
    }
}
