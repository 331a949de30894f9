using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using PushInventory.Gateway.Domain;
using PushInventory.Gateway.Persistence;

namespace PushInventory.Gateway;

/// <summary>API key -> tenant, with a short cache so a busy caller costs one lookup per half minute.</summary>
internal sealed class TenantResolver(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public sealed record AuthenticatedTenant(Guid Id, string KeyPrefix);

    public async Task<AuthenticatedTenant?> ResolveAsync(string apiKey, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(apiKey);
        if (cache.TryGetValue(hash, out AuthenticatedTenant? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.ApiKeyHash == hash)
            .Select(t => new AuthenticatedTenant(t.Id, t.ApiKeyPrefix))
            .FirstOrDefaultAsync(cancellationToken);
        if (tenant is not null)
        {
            cache.Set(hash, tenant, TimeSpan.FromSeconds(30));
        }

        return tenant;
    }
}
