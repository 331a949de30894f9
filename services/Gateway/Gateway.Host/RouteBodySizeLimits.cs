using Microsoft.AspNetCore.Mvc;

namespace PushInventory.Gateway.Host;

/// <summary>
/// A proxy route's <c>MaxRequestBodySize</c> becomes its endpoint's request size limit, so the service defaults'
/// 1 MiB body check lets through what the route allows (the CSV import, bulk links) and still refuses the rest
/// before the gateway forwards anything. YARP alone applies the route's limit only after that check has run.
/// </summary>
internal static class RouteBodySizeLimits
{
    public static ReverseProxyConventionBuilder WithRouteBodySizeLimits(this ReverseProxyConventionBuilder proxy) =>
        proxy.ConfigureEndpoints((endpoint, route) =>
        {
            if (route.MaxRequestBodySize is long limit && limit > 0)
            {
                endpoint.WithMetadata(new RequestSizeLimitAttribute(limit));
            }
        });
}
