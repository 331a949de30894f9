using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PushInventory.Gateway.Endpoints;
using PushInventory.Gateway.Persistence;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Gateway;

/// <summary>The gateway's entry points, used by the gateway host (in front of YARP) and the embedded host.</summary>
public static class GatewayModule
{
    /// <summary>Tenants, API key authentication and the per-tenant rate limit.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddServiceDbContext<GatewayDbContext>("Gateway");
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<TenantResolver>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Guid>(http =>
            {
                if (http.Items[TenantAuthenticationMiddleware.TenantItem] is not Guid tenantId)
                {
                    return RateLimitPartition.GetNoLimiter(Guid.Empty);
                }

                var options = http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(tenantId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RateLimitBurst,
                    TokensPerPeriod = options.RateLimitPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (ctx, cancellationToken) =>
            {
                var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var http = ctx.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This tenant's rate limit was exceeded; retry after {retryAfter} s.",
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>Authentication, then the rate limit; call before mapping any <c>/api</c> endpoint or proxy route.</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseMiddleware<TenantAuthenticationMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    /// <summary><c>/api/admin/**</c>: tenants and plans, behind the admin key.</summary>
    public static IEndpointRouteBuilder MapGatewayEndpoints(this IEndpointRouteBuilder app) => app.MapAdminEndpoints();
}
