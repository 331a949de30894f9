using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Catalog.Domain;
using PushInventory.Catalog.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Outbox;
using static PushInventory.Catalog.Endpoints.MerchantSkuViews;

namespace PushInventory.Catalog.Endpoints;

/// <summary>
/// Merchant SKUs one by one. The code and the kind (single or bundle) are fixed at creation; PUT replaces
/// the name, the category and (for a bundle) the components, and bumps the version only when something changed.
/// </summary>
internal static class MerchantSkuEndpoints
{
    public sealed record ComponentRequest(string? Code, int? Quantity);

    public sealed record CreateMerchantSkuRequest(string? Code, string? Name, Guid? CategoryId, IReadOnlyList<ComponentRequest?>? Components);

    public sealed record UpdateMerchantSkuRequest(string? Code, string? Name, Guid? CategoryId, IReadOnlyList<ComponentRequest?>? Components);

    public static RouteGroupBuilder MapMerchantSkuEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/merchant-skus", CreateAsync);
        group.MapGet("/merchant-skus", ListAsync);
        group.MapGet("/merchant-skus/{id:guid}", GetAsync);
        group.MapPut("/merchant-skus/{id:guid}", UpdateAsync);
        group.MapDelete("/merchant-skus/{id:guid}", DeleteAsync);
        return group;
    }

    static async Task<Results<Created<MerchantSkuResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateMerchantSkuRequest request, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Text(request.Code, "code", CatalogLimits.MaxCodeLength)
            .Text(request.Name, "name", CatalogLimits.MaxNameLength, required: false);
        var code = request.Code?.Trim() ?? "";
        var normalized = code.Length == 0 ? "" : Codes.Normalize(code);
        var isBundle = request.Components is not null;
        var componentsValid = CheckComponentShapes(request.Components, normalized, isBundle, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        if (await PlanLimits.RemainingMerchantSkusAsync(db, tenantId, cancellationToken) is <= 0)
        {
            return Problems.PlanLimit(CatalogLimits.FreePlanLimitMessage + ".");
        }

        if (await db.MerchantSkus.AnyAsync(s => s.TenantId == tenantId && s.NormalizedCode == normalized, cancellationToken))
        {
            return Problems.Conflict($"A merchant SKU with code '{code}' already exists.");
        }

        await CheckCategoryAsync(db, tenantId, request.CategoryId, validation, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var sku = new MerchantSku
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Code = code,
            NormalizedCode = normalized,
            Name = string.IsNullOrWhiteSpace(request.Name) ? code : request.Name.Trim(),
            CategoryId = request.CategoryId,
            IsBundle = isBundle,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var codes = componentsValid
            ? await ResolveComponentsAsync(db, sku, request.Components ?? [], validation, cancellationToken)
            : [];
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        db.MerchantSkus.Add(sku);
        db.AddOutboxMessage(ToEvent(sku, codes, deleted: false, now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"A merchant SKU with code '{code}' already exists, or a component or the category was deleted meanwhile.");
        }

        return TypedResults.Created($"/api/catalog/merchant-skus/{sku.Id}", ToResponse(sku, codes));
    }

    static async Task<Results<Ok<MerchantSkuResponse>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var sku = await db.MerchantSkus.AsNoTracking().Include(s => s.Components)
            .FirstOrDefaultAsync(s => s.Id == id && s.TenantId == tenantId, cancellationToken);
        if (sku is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(ToResponse(sku, await ComponentCodesAsync(db, tenantId, [sku], cancellationToken)));
    }

    static async Task<Results<Ok<Page<MerchantSkuResponse>>, ValidationProblem>> ListAsync(
        string? codePrefix, Guid? categoryId, string? kind, int? limit, string? cursor, HttpContext http, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text(codePrefix, "codePrefix", CatalogLimits.MaxCodeLength, required: false);
        MerchantSkuKind? kindFilter = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (Enum.TryParse<MerchantSkuKind>(kind.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(kind.Trim()[0]))
            {
                kindFilter = parsed;
            }
            else
            {
                validation.Add("kind", "'kind' must be Single or Bundle.");
            }
        }

        var (take, after) = Paging.Read(limit, cursor, 1, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var query = db.MerchantSkus.AsNoTracking().Include(s => s.Components).Where(s => s.TenantId == tenantId);
        if (!string.IsNullOrWhiteSpace(codePrefix))
        {
            var prefix = Codes.Normalize(codePrefix);
            query = query.Where(s => s.NormalizedCode.StartsWith(prefix));
        }

        if (categoryId is { } category)
        {
            query = query.Where(s => s.CategoryId == category);
        }

        if (kindFilter is { } k)
        {
            var bundles = k == MerchantSkuKind.Bundle;
            query = query.Where(s => s.IsBundle == bundles);
        }

        if (after is not null)
        {
            var last = after[0];
            query = query.Where(s => string.Compare(s.NormalizedCode, last) > 0);
        }

        var rows = await query.OrderBy(s => s.NormalizedCode).Take(take + 1).AsSplitQuery().ToListAsync(cancellationToken);
        var codes = await ComponentCodesAsync(db, tenantId, rows, cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, s => [s.NormalizedCode], s => ToResponse(s, codes)));
    }

    static async Task<Results<Ok<MerchantSkuResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateMerchantSkuRequest request, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var sku = await db.MerchantSkus.Include(s => s.Components).FirstOrDefaultAsync(s => s.Id == id && s.TenantId == tenantId, cancellationToken);
        if (sku is null)
        {
            return NotFound(id);
        }

        var validation = new Validation()
            .Text(request.Code, "code", CatalogLimits.MaxCodeLength, required: false)
            .Text(request.Name, "name", CatalogLimits.MaxNameLength, required: false);
        if (!string.IsNullOrWhiteSpace(request.Code) && Codes.Normalize(request.Code) != sku.NormalizedCode)
        {
            validation.Add("code", $"The code of a merchant SKU cannot be changed (it is '{sku.Code}'); create a new SKU instead.");
        }

        var componentsValid = CheckComponentShapes(request.Components, sku.NormalizedCode, sku.IsBundle, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await CheckCategoryAsync(db, tenantId, request.CategoryId, validation, cancellationToken);
        var probe = new MerchantSku { Id = sku.Id, TenantId = tenantId, Code = sku.Code, NormalizedCode = sku.NormalizedCode, Name = sku.Name, IsBundle = sku.IsBundle };
        var newCodes = componentsValid && sku.IsBundle
            ? await ResolveComponentsAsync(db, probe, request.Components!, validation, cancellationToken)
            : [];
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? sku.Code : request.Name.Trim();
        var changed = name != sku.Name || request.CategoryId != sku.CategoryId || (sku.IsBundle && !SameComponents(sku.Components, probe.Components));
        if (!changed)
        {
            return TypedResults.Ok(ToResponse(sku, await ComponentCodesAsync(db, tenantId, [sku], cancellationToken)));
        }

        var now = time.GetUtcNow().UtcDateTime;
        sku.Name = name;
        sku.CategoryId = request.CategoryId;
        if (sku.IsBundle)
        {
            ReplaceComponents(sku, probe.Components);
        }

        sku.Version++;
        sku.UpdatedAt = now;
        var codes = sku.IsBundle ? newCodes : [];
        db.AddOutboxMessage(ToEvent(sku, codes, deleted: false, now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The merchant SKU was changed by another request; read it again and retry.");
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("A component or the category was deleted meanwhile; read them again and retry.");
        }

        return TypedResults.Ok(ToResponse(sku, codes));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var sku = await db.MerchantSkus.Include(s => s.Components).FirstOrDefaultAsync(s => s.Id == id && s.TenantId == tenantId, cancellationToken);
        if (sku is null)
        {
            return NotFound(id);
        }

        var bundles = await (from c in db.Components
                             join b in db.MerchantSkus on c.BundleId equals b.Id
                             where c.TenantId == tenantId && c.ComponentId == id
                             orderby b.NormalizedCode
                             select b.Code).Take(5).ToListAsync(cancellationToken);
        if (bundles.Count > 0)
        {
            return Problems.Conflict($"Merchant SKU '{sku.Code}' is a component of bundle(s) {string.Join(", ", bundles.Select(b => $"'{b}'"))}; remove it from them first.");
        }

        var mapped = await (from m in db.MappedStoreSkus
                            join s in db.StoreSkus on m.StoreSkuId equals s.Id
                            where m.TenantId == tenantId && m.MerchantSkuId == id
                            select m.StoreSkuId).CountAsync(cancellationToken);
        if (mapped > 0)
        {
            return Problems.Conflict($"Merchant SKU '{sku.Code}' is mapped to {mapped} store SKU(s); unmap them first.");
        }

        var codes = await ComponentCodesAsync(db, tenantId, [sku], cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        sku.Version++;
        sku.UpdatedAt = now;
        db.AddOutboxMessage(ToEvent(sku, codes, deleted: true, now), now);
        db.MerchantSkus.Remove(sku);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The merchant SKU was changed by another request; read it again and retry.");
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"Merchant SKU '{sku.Code}' became a component of a bundle meanwhile; remove it from there first.");
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// Checks what can be checked without the database: a bundle has 1 to <see cref="CatalogLimits.MaxComponents"/>
    /// components, each with a code (not the bundle's own, not twice) and a quantity of 1 to 10000. False when a
    /// component is malformed, so that looking codes up makes no sense.
    /// </summary>
    static bool CheckComponentShapes(IReadOnlyList<ComponentRequest?>? components, string bundleCode, bool isBundle, Validation validation)
    {
        if (!isBundle)
        {
            if (components is { Count: > 0 })
            {
                validation.Add("components", "A single merchant SKU cannot get components; create a bundle instead.");
            }

            return false;
        }

        if (components is not { Count: > 0 and <= CatalogLimits.MaxComponents })
        {
            validation.Add("components", $"A bundle needs 1 to {CatalogLimits.MaxComponents} components.");
            return false;
        }

        var valid = true;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < components.Count; i++)
        {
            var field = $"components[{i}]";
            var component = components[i];
            if (component is null)
            {
                validation.Add(field, "A component is required.");
                valid = false;
                continue;
            }

            validation.Text(component.Code, $"{field}.code", CatalogLimits.MaxCodeLength);
            if (component.Quantity is not (>= 1 and <= CatalogLimits.MaxComponentQuantity))
            {
                validation.Add($"{field}.quantity", $"'quantity' must be between 1 and {CatalogLimits.MaxComponentQuantity}.");
            }

            if (!IsWellFormedCode(component.Code))
            {
                valid = false;
                continue;
            }

            var code = Codes.Normalize(component.Code);
            if (code == bundleCode)
            {
                validation.Add($"{field}.code", "A bundle cannot contain itself.");
            }
            else if (seen.TryGetValue(code, out var first))
            {
                validation.Add($"{field}.code", $"'{component.Code.Trim()}' is already listed as components[{first}]; list each component once with its quantity.");
            }
            else
            {
                seen[code] = i;
            }
        }

        return valid;
    }

    /// <summary>Looks the component codes up (each must be a single SKU of the tenant) and fills <paramref name="bundle"/>'s components.</summary>
    static async Task<Dictionary<Guid, string>> ResolveComponentsAsync(CatalogDbContext db, MerchantSku bundle, IReadOnlyList<ComponentRequest?> components, Validation validation, CancellationToken cancellationToken)
    {
        var wanted = components.Select(c => Codes.Normalize(c!.Code!)).Distinct().ToList();
        var found = await db.MerchantSkus.AsNoTracking()
            .Where(s => s.TenantId == bundle.TenantId && wanted.Contains(s.NormalizedCode))
            .Select(s => new { s.Id, s.Code, s.NormalizedCode, s.IsBundle })
            .ToDictionaryAsync(s => s.NormalizedCode, StringComparer.Ordinal, cancellationToken);
        var codes = new Dictionary<Guid, string>();
        for (var i = 0; i < components.Count; i++)
        {
            var request = components[i]!;
            var code = Codes.Normalize(request.Code!);
            if (code == bundle.NormalizedCode)
            {
                continue;
            }

            if (!found.TryGetValue(code, out var component))
            {
                validation.Add($"components[{i}].code", $"No merchant SKU with code '{request.Code!.Trim()}'.");
            }
            else if (component.IsBundle)
            {
                validation.Add($"components[{i}].code", $"'{component.Code}' is a bundle; a bundle cannot contain another bundle.");
            }
            else if (!codes.ContainsKey(component.Id))
            {
                codes[component.Id] = component.Code;
                bundle.Components.Add(new MerchantSkuComponent { TenantId = bundle.TenantId, BundleId = bundle.Id, ComponentId = component.Id, Quantity = request.Quantity ?? 1, Position = i });
            }
        }

        return codes;
    }

    static async Task CheckCategoryAsync(CatalogDbContext db, Guid tenantId, Guid? categoryId, Validation validation, CancellationToken cancellationToken)
    {
        if (categoryId is { } id && !await db.Categories.AnyAsync(c => c.Id == id && c.TenantId == tenantId, cancellationToken))
        {
            validation.Add("categoryId", $"No category with id '{id}'.");
        }
    }

    static bool SameComponents(List<MerchantSkuComponent> current, List<MerchantSkuComponent> wanted) =>
        current.OrderBy(c => c.Position).Select(c => (c.ComponentId, c.Quantity))
            .SequenceEqual(wanted.OrderBy(c => c.Position).Select(c => (c.ComponentId, c.Quantity)));

    // Updated in place: deleting and re-adding the same (bundle, component) key in one save is not portable.
    static void ReplaceComponents(MerchantSku sku, List<MerchantSkuComponent> wanted)
    {
        var byId = wanted.ToDictionary(c => c.ComponentId);
        sku.Components.RemoveAll(c => !byId.ContainsKey(c.ComponentId));
        foreach (var want in wanted)
        {
            var existing = sku.Components.FirstOrDefault(c => c.ComponentId == want.ComponentId);
            if (existing is null)
            {
                sku.Components.Add(want);
            }
            else
            {
                existing.Quantity = want.Quantity;
                existing.Position = want.Position;
            }
        }
    }

    /// <summary>1 to 100 characters once trimmed, no control characters: what every merchant SKU code must be.</summary>
    public static bool IsWellFormedCode([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Trim().Length <= CatalogLimits.MaxCodeLength && !code.Any(char.IsControl);

    static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No merchant SKU with id '{id}'.");
}
