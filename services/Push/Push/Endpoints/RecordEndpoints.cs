using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;
using PushInventory.Push.Planning;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Push.Endpoints;

internal static class RecordEndpoints
{
    const int MaxRetryIds = 1000;
    const int MaxRetryStoreSkus = 10_000;

    public sealed record RecordView(
        Guid Id,
        DateTime CreatedAt,
        Guid StoreId,
        string? StoreName,
        Marketplace? Marketplace,
        Guid StoreSkuId,
        string? SellerSku,
        string? MerchantSkuCode,
        Guid? RuleId,
        string? RuleName,
        IReadOnlyList<string> Warehouses,
        int? Available,
        int? QuantityBefore,
        int? Change,
        int? Quantity,
        bool? PreOrder,
        int? DaysToShip,
        TriggerReason Reason,
        PushStatus Status,
        string? Note,
        string? ErrorCode,
        string? ErrorMessage,
        int Attempts,
        string? TraceId,
        Guid? JobId,
        DateTime? CompletedAt);

    public sealed record RecordPage(IReadOnlyList<RecordView> Items, string? NextCursor);

    public sealed record RetryFilter(Guid? StoreId, Guid? StoreSkuId, string? MerchantSkuCode, string? Status, DateTimeOffset? From, DateTimeOffset? To);

    public sealed record RetryRequest(IReadOnlyList<Guid>? RecordIds, RetryFilter? Filter);

    public sealed record RetryAccepted(int Retried);

    public static RouteGroupBuilder MapRecordEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/records", ListAsync);
        group.MapPost("/records/retry", RetryAsync);
        return group;
    }

    /// <summary>Push records newest first (keyset on createdAt, sequence); <c>Accept: text/csv</c> gives the same page as CSV.</summary>
    static async Task<Results<Ok<RecordPage>, ContentHttpResult, ValidationProblem>> ListAsync(
        Guid? storeId, Guid? storeSkuId, string? sellerSku, string? merchantSkuCode, string? status, string? reason,
        DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor,
        HttpContext http, PushDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Text(sellerSku, "sellerSku", 200, required: false)
            .Text(merchantSkuCode, "merchantSkuCode", 200, required: false)
            .Require(limit is null or (>= 1 and <= Cursor.MaxLimit), "limit", $"'limit' must be from 1 to {Cursor.MaxLimit}.")
            .Require(from is null || to is null || from <= to, "from", "'from' must not be after 'to'.");
        var statusValue = ParseEnum<PushStatus>(status, "status", validation);
        var reasonValue = ParseEnum<TriggerReason>(reason, "reason", validation);
        var after = cursor is null ? null : Cursor.Decode(cursor);
        if (cursor is not null && after is null)
        {
            validation.Add("cursor", "'cursor' is not a cursor this list returned.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var query = Filter(db.Records.AsNoTracking().Where(r => r.TenantId == tenantId), storeId, storeSkuId, merchantSkuCode, statusValue, from, to);
        if (!string.IsNullOrWhiteSpace(sellerSku))
        {
            var seller = sellerSku.Trim();
            query = query.Where(r => r.SellerSku == seller);
        }

        if (reasonValue is { } why)
        {
            query = query.Where(r => r.Reason == why);
        }

        if (after is var (afterAt, afterSequence))
        {
            query = query.Where(r => r.CreatedAt < afterAt || (r.CreatedAt == afterAt && r.Sequence < afterSequence));
        }

        var take = limit ?? Cursor.DefaultLimit;
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Sequence).Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var next = rows.Count > take ? Cursor.Encode(page[^1].CreatedAt, page[^1].Sequence) : null;
        var items = page.Select(ToView).ToList();
        if (WantsCsv(http.Request))
        {
            if (next is not null)
            {
                http.Response.Headers["X-Next-Cursor"] = next;
            }

            return TypedResults.Text(ToCsv(items), "text/csv; charset=utf-8");
        }

        return TypedResults.Ok(new RecordPage(items, next));
    }

    /// <summary>Re-pushes the CURRENT quantities of the store SKUs of failed records (by id, or by filter).</summary>
    static async Task<Results<Accepted<RetryAccepted>, ValidationProblem, ProblemHttpResult>> RetryAsync(
        RetryRequest request, HttpContext http, PushDbContext db, PushPlanner planner, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require((request.RecordIds is { Count: > 0 }) != (request.Filter is not null), "recordIds", "Give either 'recordIds' or 'filter'.")
            .Require(request.RecordIds is null || request.RecordIds.Count <= MaxRetryIds, "recordIds", $"At most {MaxRetryIds} record ids.");
        if (request.Filter is { } f)
        {
            validation
                .Text(f.MerchantSkuCode, "filter.merchantSkuCode", 200, required: false)
                .Require(f.Status is null || string.Equals(f.Status.Trim(), nameof(PushStatus.Failed), StringComparison.OrdinalIgnoreCase), "filter.status", "Only 'Failed' records can be retried.")
                .Require(f.From is null || f.To is null || f.From <= f.To, "filter.from", "'from' must not be after 'to'.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        if (!await PushNowEndpoints.FeaturesOnAsync(db, tenantId, cancellationToken))
        {
            return Problems.Conflict(PushNowEndpoints.FeaturesOff);
        }

        var failed = db.Records.AsNoTracking().Where(r => r.TenantId == tenantId && r.Status == PushStatus.Failed);
        if (request.RecordIds is { Count: > 0 } recordIds)
        {
            var wanted = recordIds.Distinct().ToList();
            var known = await db.Records.AsNoTracking().Where(r => r.TenantId == tenantId && wanted.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
            var unknown = wanted.Except(known).ToList();
            if (unknown.Count > 0)
            {
                return Problems.NotFound($"Unknown push record ids: {string.Join(", ", unknown)}.");
            }

            failed = failed.Where(r => wanted.Contains(r.Id));
        }
        else
        {
            var filter = request.Filter!;
            failed = Filter(failed, filter.StoreId, filter.StoreSkuId, filter.MerchantSkuCode, null, filter.From, filter.To);
        }

        var storeSkuIds = await failed.Select(r => r.StoreSkuId).Distinct().Take(MaxRetryStoreSkus).ToListAsync(cancellationToken);
        if (storeSkuIds.Count > 0)
        {
            await planner.RunAsync(tenantId, (unit, _) => Task.FromResult<Trigger?>(new Trigger(TriggerReason.Retry, storeSkuIds, unit.Now)), cancellationToken);
        }

        return TypedResults.Accepted("/api/push/records?reason=Retry", new RetryAccepted(storeSkuIds.Count));
    }

    static IQueryable<PushRecord> Filter(IQueryable<PushRecord> query, Guid? storeId, Guid? storeSkuId, string? merchantSkuCode, PushStatus? status, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (storeId is { } store)
        {
            query = query.Where(r => r.StoreId == store);
        }

        if (storeSkuId is { } sku)
        {
            query = query.Where(r => r.StoreSkuId == sku);
        }

        if (!string.IsNullOrWhiteSpace(merchantSkuCode))
        {
            var code = Codes.Normalize(merchantSkuCode);
            query = query.Where(r => r.NormalizedMerchantSkuCode == code);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (from is { } start)
        {
            var at = start.UtcDateTime;
            query = query.Where(r => r.CreatedAt >= at);
        }

        if (to is { } end)
        {
            var at = end.UtcDateTime;
            query = query.Where(r => r.CreatedAt <= at);
        }

        return query;
    }

    static TEnum? ParseEnum<TEnum>(string? text, string field, Validation validation)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            validation.Add(field, $"'{field}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
            return null;
        }

        return Enum.Parse<TEnum>(name);
    }

    static bool WantsCsv(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase));

    static RecordView ToView(PushRecord r) => new(
        r.Id, DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), r.StoreId, r.StoreName, r.Marketplace, r.StoreSkuId, r.SellerSku, r.MerchantSkuCode,
        r.RuleId, r.RuleName, r.Warehouses, r.Available, r.QuantityBefore, r.Change, r.Quantity, r.PreOrder, r.DaysToShip, r.Reason, r.Status,
        r.Note, r.ErrorCode, r.ErrorMessage, r.Attempts, r.TraceId, r.JobId,
        r.CompletedAt is { } done ? DateTime.SpecifyKind(done, DateTimeKind.Utc) : null);

    static string ToCsv(IReadOnlyList<RecordView> items)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord(
            [
                "id", "createdAt", "storeId", "storeName", "marketplace", "storeSkuId", "sellerSku", "merchantSkuCode", "ruleId", "ruleName",
                "warehouses", "available", "quantityBefore", "change", "quantity", "preOrder", "daysToShip", "reason", "status", "note",
                "errorCode", "errorMessage", "attempts", "traceId", "jobId", "completedAt",
            ]);
            foreach (var r in items)
            {
                object?[] fields =
                [
                    r.Id, r.CreatedAt.ToString("O", CultureInfo.InvariantCulture), r.StoreId, r.StoreName, r.Marketplace, r.StoreSkuId, r.SellerSku, r.MerchantSkuCode,
                    r.RuleId, r.RuleName, string.Join(';', r.Warehouses), r.Available, r.QuantityBefore, r.Change, r.Quantity, r.PreOrder, r.DaysToShip,
                    r.Reason, r.Status, r.Note, r.ErrorCode, r.ErrorMessage, r.Attempts, r.TraceId, r.JobId,
                    r.CompletedAt?.ToString("O", CultureInfo.InvariantCulture),
                ];
                csv.WriteRecord(fields.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture) ?? "").ToArray());
            }

            csv.Flush();
        }

        return writer.ToString();
    }
}
