using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
            await RequireCurrentSqliteSchemaAsync(db, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogReady(logger, typeof(TContext).Name, settings.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// SQLite files are made from the model and never migrated: <c>EnsureCreated</c> leaves a file made by an
    /// older version as it is. Rather than fail later on the first query that needs a newer column, the start
    /// reads every table's columns once and stops with what to do.
    /// </summary>
    static async Task RequireCurrentSqliteSchemaAsync(DbContext db, CancellationToken cancellationToken)
    {
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties().Select(p => p.GetColumnName(table)).OfType<string>().Distinct().Select(c => $"\"{c}\"");
            try
            {
#pragma warning disable EF1002 // Identifiers from the model, not input.
                await db.Database.ExecuteSqlRawAsync($"SELECT {string.Join(", ", columns)} FROM \"{table.Name}\" LIMIT 0", cancellationToken);
#pragma warning restore EF1002
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException(
                    $"The SQLite file {db.Database.GetDbConnection().DataSource} was made by an older version of PushInventory ({ex.SqliteErrorCode}: {ex.Message}); "
                    + "SQLite files are not migrated. Move its data folder (Persistence:DataDirectory) aside or delete it, and start again.",
                    ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context} schema ready on {Provider}")]
    static partial void LogReady(ILogger logger, string context, PersistenceProvider provider);
}
