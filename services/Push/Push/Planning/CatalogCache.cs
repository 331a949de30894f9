using System.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PushInventory.Push.Persistence;

namespace PushInventory.Push.Planning;

/// <summary>
/// Keeps each busy tenant's <see cref="TenantCatalog"/> in memory, so a recompute of stock changes reads only
/// levels, store SKUs and push states. A copy is used only while the tenant's catalog stamp, read by the caller
/// first in its unit of work, still matches it, so a change saved by any instance is seen by the next unit
/// that starts after it. While a tenant's catalog keeps changing (an import of mappings, a bulk edit), it is
/// read again at most once per <see cref="MinReloadInterval"/> (one too large to keep, once per
/// <see cref="IdleExpiry"/>); between those the caller reads what it needs
/// from the database, as without a cache. At most <see cref="PushOptions.CatalogCacheRows"/> rows are kept
/// in all, and a tenant idle for <see cref="IdleExpiry"/> is dropped.
/// </summary>
internal sealed partial class CatalogCache(IOptions<PushOptions> options, TimeProvider time, ILogger<CatalogCache> logger) : IDisposable
{
    public static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(30);

    readonly long _maxRows = options.Value.CatalogCacheRows;
    readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.CatalogCacheRows) });

    /// <summary>The tenant's catalog as kept now, if any (for tests and diagnostics).</summary>
    public TenantCatalog? Peek(Guid tenantId) => _cache.Get<Entry>(tenantId)?.Catalog;

    /// <summary>
    /// The tenant's catalog as of <paramref name="stamp"/> or later; null when there is no stamp yet, caching is
    /// off, the catalog was read too recently to read again, or it is too large to keep (a quarter of the limit).
    /// </summary>
    public async Task<TenantCatalog?> GetAsync(PushDbContext db, Guid tenantId, Guid? stamp, CancellationToken cancellationToken)
    {
        if (stamp is not { } current || _maxRows == 0)
        {
            return null;
        }

        var cached = _cache.Get<Entry>(tenantId);
        if (cached is not null)
        {
            if (cached.Stamp == current)
            {
                return cached.Catalog;
            }

            var age = time.GetUtcNow() - cached.LoadedAt;
            if (age < MinReloadInterval || (cached.Catalog is null && age < IdleExpiry))
            {
                return null;
            }
        }

        var started = Stopwatch.GetTimestamp();
        var catalog = await TenantCatalog.LoadAsync(db, tenantId, current, cancellationToken);
        LogLoaded(logger, tenantId, catalog.Rows, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var kept = catalog.Rows <= _maxRows / 4 ? catalog : null;
        _cache.Set(tenantId, new Entry(current, kept, time.GetUtcNow()), new MemoryCacheEntryOptions { Size = Math.Max(1, kept?.Rows ?? 1), SlidingExpiration = IdleExpiry });
        return catalog;
    }

    public void Dispose() => _cache.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read the catalog of tenant {TenantId}: {Rows} rows in {Milliseconds} ms")]
    static partial void LogLoaded(ILogger logger, Guid tenantId, int rows, double milliseconds);

    /// <summary>A tenant's cached catalog (null: too large to keep), the stamp it was read at, and when.</summary>
    sealed record Entry(Guid Stamp, TenantCatalog? Catalog, DateTimeOffset LoadedAt);
}
