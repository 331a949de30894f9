using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.Stock.Domain;
using PushInventory.Stock.Persistence;

namespace PushInventory.Stock.Endpoints;

internal static class WarehouseEndpoints
{
    public sealed record CreateWarehouseRequest(string? Code, string? Name);

    public sealed record WarehouseResponse(Guid Id, string Code, string Name, DateTime CreatedAt);

    public static RouteGroupBuilder MapWarehouseEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/warehouses", CreateAsync);
        group.MapGet("/warehouses", ListAsync);
        return group;
    }

    static async Task<Results<Created<WarehouseResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateWarehouseRequest request, HttpContext http, StockDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Text(request.Code, "code", 100)
            .Text(request.Name, "name", 200, required: false);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var code = request.Code!.Trim();
        var normalized = Codes.Normalize(code);
        if (await db.Warehouses.AnyAsync(w => w.TenantId == tenantId && w.NormalizedCode == normalized, cancellationToken))
        {
            return Problems.Conflict($"A warehouse with code '{code}' already exists.");
        }

        var warehouse = new Warehouse
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Code = code,
            NormalizedCode = normalized,
            Name = string.IsNullOrWhiteSpace(request.Name) ? code : request.Name.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Warehouses.Add(warehouse);
        db.AddOutboxMessage(new WarehouseChanged(tenantId, warehouse.Id, warehouse.Code, warehouse.Name, 1, warehouse.CreatedAt), warehouse.CreatedAt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"A warehouse with code '{code}' already exists.");
        }

        return TypedResults.Created($"/api/stock/warehouses/{warehouse.Id}", ToResponse(warehouse));
    }

    static async Task<Ok<List<WarehouseResponse>>> ListAsync(HttpContext http, StockDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var warehouses = await db.Warehouses.AsNoTracking()
            .Where(w => w.TenantId == tenantId)
            .OrderBy(w => w.NormalizedCode)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(warehouses.Select(ToResponse).ToList());
    }

    static WarehouseResponse ToResponse(Warehouse w) => new(w.Id, w.Code, w.Name, w.CreatedAt);
}
