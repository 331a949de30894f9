using Microsoft.AspNetCore.Http;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Gateway;

/// <summary>
/// Authenticates every <c>/api/**</c> request (except <c>/api/admin/**</c>) by <c>X-Api-Key</c> and forwards the
/// tenant in <c>X-Tenant-Id</c>. A client that sends <c>X-Tenant-Id</c> itself is refused: only the gateway sets it.
/// </summary>
internal sealed class TenantAuthenticationMiddleware(RequestDelegate next, TenantResolver tenants, IProblemDetailsService problems)
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string TenantItem = "gateway.tenant";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api") || path.StartsWithSegments("/api/admin"))
        {
            await next(context);
            return;
        }

        if (context.Request.Headers.ContainsKey(TenantHeaders.TenantId) || context.Request.Headers.ContainsKey(TenantHeaders.Actor))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "Bad request",
                $"The {TenantHeaders.TenantId} and {TenantHeaders.Actor} headers are set by the gateway from your API key; clients must not send them.");
            return;
        }

        var key = context.Request.Headers[ApiKeyHeader].ToString();
        var tenant = string.IsNullOrWhiteSpace(key) ? null : await tenants.ResolveAsync(key.Trim(), context.RequestAborted);
        if (tenant is null)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                string.IsNullOrWhiteSpace(key) ? $"Send your API key in the {ApiKeyHeader} header." : "The API key is not valid.");
            return;
        }

        context.Request.Headers.Remove(ApiKeyHeader);
        context.Request.Headers[TenantHeaders.TenantId] = tenant.Id.ToString();
        context.Request.Headers[TenantHeaders.Actor] = $"key:{tenant.KeyPrefix}";
        context.Items[TenantItem] = tenant.Id;
        await next(context);
    }

    async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
