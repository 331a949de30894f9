using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PushInventory.Catalog.Persistence;
using PushInventory.TestSupport;

namespace PushInventory.Catalog.Tests;

/// <summary>One Catalog host per test class; every test works in a tenant of its own.</summary>
public sealed class CatalogFactory : ServiceFactory<Program>
{
    /// <summary>Waits until the Catalog's own database satisfies <paramref name="condition"/> (e.g. a consumed event applied).</summary>
    internal Task WaitForDbAsync(Func<CatalogDbContext, Task<bool>> condition, string what) =>
        Eventually.WaitAsync(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            return await condition(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
        }, TimeSpan.FromSeconds(20), what);

    internal async Task<int> CountMerchantSkusAsync(Guid tenantId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().MerchantSkus.CountAsync(s => s.TenantId == tenantId);
    }
}
