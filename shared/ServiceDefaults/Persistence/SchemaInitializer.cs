using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>
/// Brings the schema up to date before anything else starts: checked-in migrations on PostgreSQL
/// (EF Core takes a database lock, so several instances may start at once), the model on SQLite.
/// </summary>
internal sealed partial class SchemaInitializer<TContext>(IServiceScopeFactory scopes, SchemaInitializer<TContext>.Settings settings, ILogger<SchemaInitializer<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public sealed record Settings(PersistenceProvider Provider);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (settings.Provider == PersistenceProvider.Postgres)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogReady(logger, typeof(TContext).Name, settings.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context} schema ready on {Provider}")]
    static partial void LogReady(ILogger logger, string context, PersistenceProvider provider);
}
