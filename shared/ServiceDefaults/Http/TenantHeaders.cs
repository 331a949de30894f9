using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;

namespace PushInventory.ServiceDefaults.Http;

/// <summary>
/// The headers the gateway sets after it authenticated a caller. Services trust them only because the
/// gateway strips any a client sent; services are not exposed except through the gateway.
/// </summary>
public static class TenantHeaders
{
    /// <summary>The authenticated tenant's id.</summary>
    public const string TenantId = "X-Tenant-Id";

    /// <summary>Who acts: the API key's id, for audit logs.</summary>
    public const string Actor = "X-Actor";

    /// <summary>The tenant of the current request; only valid behind <see cref="RequireTenant{TBuilder}"/>.</summary>
    public static Guid GetTenantId(this HttpContext context) =>
        context.Items[TenantId] is Guid id ? id : throw new InvalidOperationException("No tenant on this request: the route group must call RequireTenant().");

    /// <summary>Who made the request, for audit logs.</summary>
    public static string GetActor(this HttpContext context) =>
        context.Request.Headers[Actor] is { Count: > 0 } actor && !string.IsNullOrWhiteSpace(actor[0]) ? actor[0]! : "api";

    /// <summary>Answers 401 unless the gateway forwarded an authenticated tenant.</summary>
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var header = ctx.HttpContext.Request.Headers[TenantId];
            if (header.Count != 1 || !Guid.TryParse(header[0], out var tenantId))
            {
                return TypedResults.Problem("No authenticated tenant: call the API through the gateway with an X-Api-Key header.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
            }

            ctx.HttpContext.Items[TenantId] = tenantId;
            return await next(ctx);
        });
        return builder;
    }
}
