using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>Registers a service's DbContext on the configured provider.</summary>
public static class PersistenceExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on SQLite (<c>{DataDirectory}/{name}.db</c>) or PostgreSQL
    /// (<c>ConnectionStrings:{Name}Db</c>), its outbox dispatcher, a health check, and the schema set-up at start.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDbContext<TContext>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext, IOutboxDbContext
    {
        var connectionName = $"{name}Db";
        builder.Services.AddOptions<PersistenceOptions>()
            .BindConfiguration(PersistenceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PersistenceOptions>>(new ConnectionStringValidator(builder.Configuration, connectionName));

        var options = builder.Configuration.GetSection(PersistenceOptions.Section).Get<PersistenceOptions>() ?? new PersistenceOptions();
        var connectionString = options.Provider == PersistenceProvider.Postgres
            ? PostgresConnectionString(builder.Configuration.GetConnectionString(connectionName))
            : SqliteConnectionString(builder.Environment.ContentRootPath, options.DataDirectory, name);

        builder.Services.AddOutbox<TContext>(builder.Configuration);
        // Contexts are pooled: a unit of work takes one already set up (its services resolved, its model bound)
        // instead of building it, which cost a few percent of a busy host's CPU. The contexts keep no state of
        // their own beyond what EF resets when one is returned.
        builder.Services.AddPooledDbContextFactory<TContext>((sp, db) =>
        {
            if (options.Provider == PersistenceProvider.Postgres)
            {
                db.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3));
            }
            else
            {
                db.UseSqlite(connectionString);
            }

            db.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor<TContext>>());
        });
        // TContext as scoped too, for endpoints and consumers; the scope's end returns it to the pool.
        builder.Services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{name.ToLowerInvariant()}-db");
        builder.Services.AddSingleton(new SchemaInitializer<TContext>.Settings(options.Provider));
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaInitializer<TContext>>());
        return builder;
    }

    // The services keep no session state on a connection (no temporary tables, no SET), so a pooled
    // connection need not be reset with DISCARD ALL each time it is returned: one round trip less per use.
    // Statements run again and again (a recompute's hundreds of single-row updates in one batch, the
    // dispatcher's and the outbox's queries) are prepared on the server after a few uses, so PostgreSQL
    // stops parsing and planning each one. A connection string that says otherwise wins.
    static string PostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return "";
        }

        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase) && !configured.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        if (!configured.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !configured.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 100;
        }

        return builder.ConnectionString;
    }

    static string SqliteConnectionString(string contentRoot, string dataDirectory, string name)
    {
        var folder = Path.GetFullPath(Path.Combine(contentRoot, dataDirectory));
        Directory.CreateDirectory(folder);
        // WAL lets readers and the outbox dispatcher work while a writer commits.
        return $"Data Source={Path.Combine(folder, name.ToLowerInvariant() + ".db")};Pooling=True;Default Timeout=30";
    }

    sealed class ConnectionStringValidator(IConfiguration configuration, string connectionName) : IValidateOptions<PersistenceOptions>
    {
        public ValidateOptionsResult Validate(string? name, PersistenceOptions options) =>
            options.Provider == PersistenceProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(connectionName))
                ? ValidateOptionsResult.Fail($"Persistence:Provider is Postgres but ConnectionStrings:{connectionName} is not set.")
                : ValidateOptionsResult.Success;
    }
}
