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

internal static class CategoryEndpoints
{
    public sealed record CategoryRequest(string? Name);

    public sealed record CategoryResponse(Guid Id, string Name, long Version);

    public static RouteGroupBuilder MapCategoryEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/categories", CreateAsync);
        group.MapGet("/categories", ListAsync);
        group.MapGet("/categories/{id:guid}", GetAsync);
        group.MapPut("/categories/{id:guid}", RenameAsync);
        group.MapDelete("/categories/{id:guid}", DeleteAsync);
        return group;
    }

    static async Task<Results<Created<CategoryResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CategoryRequest request, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text(request.Name, "name", CatalogLimits.MaxCategoryNameLength);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var name = request.Name!.Trim();
        var normalized = Codes.Normalize(name);
        if (await db.Categories.AnyAsync(c => c.TenantId == tenantId && c.NormalizedName == normalized, cancellationToken))
        {
            return Problems.Conflict($"A category named '{name}' already exists.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var category = New(tenantId, name, now);
        db.Categories.Add(category);
        db.AddOutboxMessage(ToEvent(category, deleted: false, now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"A category named '{name}' already exists.");
        }

        return TypedResults.Created($"/api/catalog/categories/{category.Id}", ToResponse(category));
    }

    static async Task<Results<Ok<Page<CategoryResponse>>, ValidationProblem>> ListAsync(
        int? limit, string? cursor, HttpContext http, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var (take, after) = Paging.Read(limit, cursor, 1, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var query = db.Categories.AsNoTracking().Where(c => c.TenantId == tenantId);
        if (after is not null)
        {
            var last = after[0];
            query = query.Where(c => string.Compare(c.NormalizedName, last) > 0);
        }

        var rows = await query.OrderBy(c => c.NormalizedName).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, c => [c.NormalizedName], ToResponse));
    }

    static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.TenantId == tenantId, cancellationToken);
        return category is null ? NotFound(id) : TypedResults.Ok(ToResponse(category));
    }

    static async Task<Results<Ok<CategoryResponse>, ValidationProblem, ProblemHttpResult>> RenameAsync(
        Guid id, CategoryRequest request, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text(request.Name, "name", CatalogLimits.MaxCategoryNameLength);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id && c.TenantId == tenantId, cancellationToken);
        if (category is null)
        {
            return NotFound(id);
        }

        var name = request.Name!.Trim();
        var normalized = Codes.Normalize(name);
        if (name == category.Name)
        {
            return TypedResults.Ok(ToResponse(category));
        }

        if (await db.Categories.AnyAsync(c => c.TenantId == tenantId && c.NormalizedName == normalized && c.Id != id, cancellationToken))
        {
            return Problems.Conflict($"A category named '{name}' already exists.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        category.Name = name;
        category.NormalizedName = normalized;
        category.Version++;
        category.UpdatedAt = now;
        db.AddOutboxMessage(ToEvent(category, deleted: false, now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The category was changed by another request; read it again and retry.");
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"A category named '{name}' already exists.");
        }

        return TypedResults.Ok(ToResponse(category));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, CatalogDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id && c.TenantId == tenantId, cancellationToken);
        if (category is null)
        {
            return NotFound(id);
        }

        var used = await db.MerchantSkus.CountAsync(s => s.TenantId == tenantId && s.CategoryId == id, cancellationToken);
        if (used > 0)
        {
            return Problems.Conflict($"Category '{category.Name}' is used by {used} merchant SKU(s); move them to another category first.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Categories.Remove(category);
        category.Version++;
        db.AddOutboxMessage(ToEvent(category, deleted: true, now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The category was changed by another request; read it again and retry.");
        }

        return TypedResults.NoContent();
    }

    /// <summary>A new category (version 1); the import creates them too.</summary>
    public static Category New(Guid tenantId, string name, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        Name = name,
        NormalizedName = Codes.Normalize(name),
        Version = 1,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static CategoryChanged ToEvent(Category category, bool deleted, DateTime now) =>
        new(category.TenantId, category.Id, category.Name, deleted, category.Version, now);

    static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No category with id '{id}'.");

    static CategoryResponse ToResponse(Category c) => new(c.Id, c.Name, c.Version);
}
