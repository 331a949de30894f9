using PushInventory.Sandbox.Endpoints;

namespace PushInventory.Sandbox;

public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps everything under <c>/sandbox</c>: the marketplace APIs (<c>/sandbox/shopee</c>,
    /// <c>/sandbox/lazada</c>, <c>/sandbox/tiktok</c>) and registration, faults and inspection.
    /// </summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        var sandbox = endpoints.MapGroup("/sandbox")
            .AddEndpointFilter<RequestLogFilter>()
            .WithTags("Sandbox");
        AdminEndpoints.Map(sandbox);
        ShopeeEndpoints.Map(sandbox);
        LazadaEndpoints.Map(sandbox);
        TikTokShopEndpoints.Map(sandbox);
        return endpoints;
    }
}
