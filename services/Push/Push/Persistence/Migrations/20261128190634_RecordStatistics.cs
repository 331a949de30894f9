using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PushInventory.Push.Persistence.Migrations
{
    /// <summary>
    /// Planner statistics of the push records only where a query filters on them, from a smaller sample. The
    /// records are a log written twice per push (inserted, then settled), so autovacuum analyses the table after
    /// every tenth of it has changed: on a young table every few seconds under load. Each ANALYZE sampled 30,000
    /// rows and built statistics of every column, the JSON and text ones included, for about 0.4 s of a core:
    /// on the 2-core benchmark machine, a one-second stall of every push each time. Statistics of the filter
    /// columns from 9,000 rows take about a fifth of that; the keyset queries are index scans whichever way.
    /// </summary>
    public partial class RecordStatistics : Migration
    {
        /// <summary>What the record queries filter on (keyset paging, the records API's filters, a job's records).</summary>
        static readonly string[] Filtered = ["TenantId", "CreatedAt", "StoreId", "StoreSkuId", "SellerSku", "NormalizedMerchantSkuCode", "Status", "Reason", "JobId"];

        /// <summary>Returned, never filtered on; Id and Sequence are unique, which the planner knows from their indexes.</summary>
        static readonly string[] Unfiltered =
        [
            "Id", "Sequence", "StoreName", "Marketplace", "MerchantSkuCode", "RuleId", "RuleName", "Warehouses", "Available", "QuantityBefore",
            "Change", "Quantity", "PreOrder", "DaysToShip", "Note", "ErrorCode", "ErrorMessage", "Attempts", "TraceId", "DesiredVersion", "CompletedAt",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(Statistics(Filtered.Select(c => (c, 30)).Concat(Unfiltered.Select(c => (c, 0)))));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(Statistics(Filtered.Concat(Unfiltered).Select(c => (c, -1))));

        static string Statistics(IEnumerable<(string Column, int Target)> columns) =>
            "ALTER TABLE push_records " + string.Join(", ", columns.Select(c => $"ALTER COLUMN \"{c.Column}\" SET STATISTICS {c.Target}")) + ";";
    }
}
