using Npgsql;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Rules.Tests;

/// <summary>
/// One Rules host per test class, with recorders for what it publishes. Tests use their own tenants.
/// SQLite by default; set <c>PUSHINV_TEST_RULES_POSTGRES</c> to a PostgreSQL connection string to run the
/// same suite on PostgreSQL with the checked-in migrations.
/// </summary>
public sealed class RulesFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Factory { get; } = CreateFactory();

    public BusRecorder<PushRuleChanged> RuleChanges { get; private set; } = null!;

    public BusRecorder<TenantSettingsChanged> SettingsChanges { get; private set; } = null!;

    static ServiceFactory<Program> CreateFactory()
    {
        var factory = new ServiceFactory<Program>();
        var postgres = Environment.GetEnvironmentVariable("PUSHINV_TEST_RULES_POSTGRES");
        return string.IsNullOrWhiteSpace(postgres)
            ? factory
            : factory.With("Persistence:Provider", "Postgres").With("ConnectionStrings:RulesDb", OwnDatabase(postgres));
    }

    // Each host needs its own database: a shared outbox would let one host publish another's messages on its own in-memory bus.
    static string OwnDatabase(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = $"rules_test_{Guid.NewGuid():N}" }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        RuleChanges = await BusRecorder<PushRuleChanged>.StartAsync(Factory.Bus);
        SettingsChanges = await BusRecorder<TenantSettingsChanged>.StartAsync(Factory.Bus);
    }

    public async ValueTask DisposeAsync()
    {
        await RuleChanges.DisposeAsync();
        await SettingsChanges.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
