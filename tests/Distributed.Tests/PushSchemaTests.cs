using Npgsql;
using Shouldly;
using Xunit;

namespace PushInventory.Distributed.Tests;

/// <summary>The Push service's schema as its own process migrates it on a real PostgreSQL.</summary>
public sealed class PushSchemaTests : IAsyncLifetime
{
    readonly DistributedSystem _system = new();

    public async ValueTask InitializeAsync() => await _system.StartAsync("push");

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    /// <summary>
    /// The Push process migrated its database: the push records keep planner statistics on the columns their
    /// queries filter on, from a small sample, and none on the rest (ANALYZE of the whole record was a
    /// one-second stall of the benchmark machine every few seconds under load).
    /// </summary>
    [Fact]
    public async Task PushRecords_KeepPlannerStatistics_OnlyOnTheColumnsTheirQueriesFilterOn()
    {
        await using var connection = new NpgsqlConnection(_system.ConnectionString("Push"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT attname, attstattarget FROM pg_attribute WHERE attrelid = 'push_records'::regclass AND attnum > 0 AND NOT attisdropped",
            connection);
        var targets = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                targets[reader.GetString(0)] = reader.GetInt16(1);
            }
        }

        targets.Count.ShouldBeGreaterThan(20);
        foreach (var filtered in new[] { "TenantId", "CreatedAt", "StoreId", "StoreSkuId", "SellerSku", "NormalizedMerchantSkuCode", "Status", "Reason", "JobId" })
        {
            targets[filtered].ShouldBe(30, filtered);
        }

        targets.Where(t => t.Value != 30).ShouldAllBe(t => t.Value == 0);
    }
}
