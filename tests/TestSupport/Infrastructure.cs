using Npgsql;

namespace PushInventory.TestSupport;

/// <summary>
/// The real RabbitMQ and PostgreSQL the distributed suites run against, as <c>build.ps1 test</c> (or
/// <c>deploy/local/infra.sh</c>) provides them. Missing settings fail the suite loudly: it is never skipped.
/// </summary>
public static class Infrastructure
{
    /// <summary>The AMQP URI from <c>ConnectionStrings__RabbitMq</c>.</summary>
    public static Uri RabbitMq => new(Required("ConnectionStrings__RabbitMq"));

    /// <summary>A superuser connection string from <c>PUSHINV_PG_ADMIN</c>, to create throwaway databases.</summary>
    public static string PostgresAdmin => Required("PUSHINV_PG_ADMIN");

    static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. Run the suites with `dotnet pwsh build.ps1 test`, which starts RabbitMQ and PostgreSQL, or `eval \"$(bash deploy/local/infra.sh env)\"` after `bash deploy/local/infra.sh start`.");

    /// <summary>Creates a fresh database owned by the application role and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await using var admin = new NpgsqlConnection(PostgresAdmin);
        await admin.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER pushinventory", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Username = "pushinventory", Password = "pushinventory" };
        return builder.ConnectionString;
    }

    /// <summary>Drops a database created by <see cref="CreateDatabaseAsync"/>.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        await using var admin = new NpgsqlConnection(PostgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
