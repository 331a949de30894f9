using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PushInventory.Mapping.Persistence;

namespace PushInventory.Mapping;

/// <summary>
/// Runs an endpoint's change on a fresh DbContext and saves it once. When a concurrent writer changed one
/// of the same links first (the mapping version is a concurrency token), the whole change is worked out
/// again on fresh state, so the caller's answer always matches what was stored.
/// </summary>
internal sealed partial class MappingWriter(IDbContextFactory<MappingDbContext> contexts, TimeProvider time, ILogger<MappingWriter> logger)
{
    const int MaxConflictRetries = 8;

    public async Task<T> WriteAsync<T>(Func<MappingDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var result = await work(db);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < MaxConflictRetries)
            {
                LogConflict(logger, ex, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), time, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A mapping change met a concurrent change, attempt {Attempt}; working it out again")]
    static partial void LogConflict(ILogger logger, Exception ex, int attempt);
}
