using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PushInventory.Contracts;
using PushInventory.Gateway.Domain;
using PushInventory.Gateway.Persistence;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Gateway.Endpoints;

internal static class AdminEndpoints
{
    public const string AdminKeyHeader = "X-Admin-Key";

    public sealed record CreateTenantRequest(string? Name, Plan? Plan);

    public sealed record CreatedTenantResponse(Guid Id, string Name, Plan Plan, string ApiKey);

    public sealed record TenantResponse(Guid Id, string Name, Plan Plan, string ApiKeyPrefix, DateTime CreatedAt);

    public sealed record SetPlanRequest(Plan? Plan);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").AddEndpointFilter(RequireAdminKey);
        group.MapPost("/tenants", CreateAsync);
        group.MapGet("/tenants/{id:guid}", GetAsync);
        group.MapPut("/tenants/{id:guid}/plan", SetPlanAsync);
        return app;
    }

    static async ValueTask<object?> RequireAdminKey(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var options = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var presented = ctx.HttpContext.Request.Headers[AdminKeyHeader].ToString();
        if (!ApiKeys.Matches(presented, options.AdminApiKey))
        {
            return TypedResults.Problem($"Admin endpoints need the admin key in the {AdminKeyHeader} header.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        return await next(ctx);
    }

    /// <summary>Registers a tenant; the API key is in this response only and never stored in clear.</summary>
    static async Task<Results<Created<CreatedTenantResponse>, ValidationProblem>> CreateAsync(
        CreateTenantRequest request, GatewayDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text(request.Name, "name", 200);
        if (request.Plan is { } plan && !Enum.IsDefined(plan))
        {
            validation.Add("plan", "'plan' must be Free, Basic or Pro.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var key = ApiKeys.Create();
        var tenant = new Tenant
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            Plan = request.Plan ?? Plan.Free,
            ApiKeyHash = ApiKeys.Hash(key),
            ApiKeyPrefix = ApiKeys.Display(key),
            CreatedAt = now,
            Version = 1,
        };
        db.Tenants.Add(tenant);
        db.AddOutboxMessage(new TenantChanged(tenant.Id, tenant.Name, tenant.Plan, tenant.Version, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/tenants/{tenant.Id}", new CreatedTenantResponse(tenant.Id, tenant.Name, tenant.Plan, key));
    }

    static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> GetAsync(Guid id, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return tenant is null
            ? Problems.NotFound($"No tenant with id {id}.")
            : TypedResults.Ok(new TenantResponse(tenant.Id, tenant.Name, tenant.Plan, tenant.ApiKeyPrefix, tenant.CreatedAt));
    }

    static async Task<Results<Ok<TenantResponse>, ValidationProblem, ProblemHttpResult>> SetPlanAsync(
        Guid id, SetPlanRequest request, GatewayDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Plan is not { } plan || !Enum.IsDefined(plan))
        {
            return new Validation().Add("plan", "'plan' is required: Free, Basic or Pro.").ToProblem();
        }

        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tenant is null)
        {
            return Problems.NotFound($"No tenant with id {id}.");
        }

        if (tenant.Plan != plan)
        {
            var now = time.GetUtcNow().UtcDateTime;
            tenant.Plan = plan;
            tenant.Version++;
            db.AddOutboxMessage(new TenantChanged(tenant.Id, tenant.Name, tenant.Plan, tenant.Version, now), now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new TenantResponse(tenant.Id, tenant.Name, tenant.Plan, tenant.ApiKeyPrefix, tenant.CreatedAt));
    }
}
