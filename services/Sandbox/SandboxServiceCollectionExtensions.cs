using Microsoft.Extensions.DependencyInjection.Extensions;
using PushInventory.Sandbox.Domain;

namespace PushInventory.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Registers the sandbox's in-memory state. Needs no configuration.</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SandboxState>();
        return services;
    }
}
