using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Mapping.Domain;
using PushInventory.Mapping.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Mapping.Endpoints;

internal static class BulkEndpoints
{
    public const int MaxRows = 50_000;
    public const long MaxBodyBytes = 32 * 1024 * 1024;
    static readonly string[] CsvColumns = ["storeId", "sellerSku", "merchantSkuCode"];

    /// <summary>
    /// One row: the store SKU as <c>storeSkuId</c> or as <c>storeId</c> + <c>sellerSku</c>; the merchant SKU as
    /// <c>merchantSkuId</c> or <c>merchantSkuCode</c>.
    /// </summary>
    public sealed record BulkLink(Guid? StoreSkuId, Guid? StoreId, string? SellerSku, Guid? MerchantSkuId, string? MerchantSkuCode);

    public sealed record BulkRequest(IReadOnlyList<BulkLink?>? Links);

    /// <summary>
    /// Per row: <c>row</c> is its 1-based position among the data rows (the CSV header is not counted);
    /// <c>status</c> is <c>mapped</c>, <c>unchanged</c> or <c>failed</c> with the reason.
    /// </summary>
    public sealed record BulkRowResult(int Row, string Status, string? Reason, Guid? StoreSkuId, Guid? MerchantSkuId);

    public sealed record BulkResponse(int Total, int Mapped, int Unchanged, int Failed, IReadOnlyList<BulkRowResult> Rows);

    public static RouteGroupBuilder MapBulkEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/links/bulk", PostAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .Accepts<BulkRequest>("application/json", "text/csv");
        return group;
    }

    /// <summary>
    /// Up to 50,000 rows as JSON <c>{"links":[...]}</c> or as CSV (<c>text/csv</c>, header
    /// <c>storeId,sellerSku,merchantSkuCode</c> in any order). A malformed body, a bad header or quoting, or
    /// too many rows is a 400 and nothing is stored. Otherwise each row is applied whole or fails with its
    /// reason, the rest still apply, and all of it is saved in one transaction. Two rows for one store SKU:
    /// the later one fails.
    /// </summary>
    static async Task<Results<Ok<BulkResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpContext http, MappingWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        List<Row> rows;
        try
        {
            if (IsCsv(http.Request))
            {
                rows = await ReadCsvAsync(http.Request, cancellationToken);
            }
            else if (http.Request.HasJsonContentType())
            {
                rows = await ReadJsonAsync(http.Request, cancellationToken);
            }
            else
            {
                return TypedResults.Problem("Send the rows as application/json ({\"links\":[...]}) or as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
            }
        }
        catch (BulkFormatException ex)
        {
            return Problems.BadRequest(ex.Message);
        }

        if (rows.Count == 0)
        {
            return Problems.BadRequest("The request holds no rows.");
        }

        var tenantId = http.GetTenantId();
        var actor = http.GetActor();
        var now = LinkChanges.Now(time);
        var results = await writer.WriteAsync(db => ApplyAsync(db, tenantId, actor, rows, now, cancellationToken), cancellationToken);
        return TypedResults.Ok(new BulkResponse(
            results.Count,
            results.Count(r => r.Status == Mapped),
            results.Count(r => r.Status == Unchanged),
            results.Count(r => r.Status == Failed),
            results));
    }

    const string Mapped = "mapped";
    const string Unchanged = "unchanged";
    const string Failed = "failed";

    sealed record Row(int Number, Guid? StoreSkuId, Guid? StoreId, string? SellerSku, Guid? MerchantSkuId, string? MerchantSkuCode, string? Problem);

    sealed class BulkFormatException(string message) : Exception(message);

    static bool IsCsv(HttpRequest request) =>
        request.ContentType is { } type && type.Split(';')[0].Trim().Equals("text/csv", StringComparison.OrdinalIgnoreCase);

    static async Task<List<Row>> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        BulkRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<BulkRequest>(cancellationToken);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "the body" : ex.Path;
            throw new BulkFormatException($"The JSON body could not be read at {path}.");
        }

        if (body?.Links is not { } links)
        {
            throw new BulkFormatException("'links' is required: a list of {storeSkuId | storeId + sellerSku, merchantSkuId | merchantSkuCode}.");
        }

        if (links.Count > MaxRows)
        {
            throw new BulkFormatException($"At most {MaxRows} rows per request; this one has {links.Count}.");
        }

        return links.Select((l, i) => ToRow(i + 1, l)).ToList();
    }

    static Row ToRow(int number, BulkLink? link)
    {
        if (link is null)
        {
            return new Row(number, null, null, null, null, null, "the row is empty");
        }

        var problem = (link.StoreSkuId is not null, link.StoreId is not null || link.SellerSku is not null) switch
        {
            (true, true) => "give either 'storeSkuId' or 'storeId' + 'sellerSku', not both",
            (false, false) => "'storeSkuId' or 'storeId' + 'sellerSku' is required",
            (false, true) when link.StoreId is null || string.IsNullOrWhiteSpace(link.SellerSku) => "'storeId' and 'sellerSku' are both required",
            _ => null,
        };
        problem ??= (link.MerchantSkuId is not null, link.MerchantSkuCode is not null) switch
        {
            (true, true) => "give either 'merchantSkuId' or 'merchantSkuCode', not both",
            (false, false) => "'merchantSkuId' or 'merchantSkuCode' is required",
            (false, true) when string.IsNullOrWhiteSpace(link.MerchantSkuCode) => "'merchantSkuCode' is empty",
            _ => null,
        };
        problem ??= TextProblem(link.SellerSku, "sellerSku") ?? TextProblem(link.MerchantSkuCode, "merchantSkuCode");
        return new Row(number, link.StoreSkuId, link.StoreId, link.SellerSku?.Trim(), link.MerchantSkuId, link.MerchantSkuCode?.Trim(), problem);
    }

    static string? TextProblem(string? value, string field) =>
        value is null ? null
        : value.Trim().Length > LinkEndpoints.MaxCodeLength ? $"'{field}' must be at most {LinkEndpoints.MaxCodeLength} characters"
        : value.Any(char.IsControl) ? $"'{field}' must not contain control characters"
        : null;

    static async Task<List<Row>> ReadCsvAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var rows = new List<Row>();
        int[]? columns = null;
        try
        {
            await foreach (var record in CsvParser.ReadAsync(reader, cancellationToken))
            {
                if (columns is null)
                {
                    columns = ReadHeader(record);
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    throw new BulkFormatException($"At most {MaxRows} rows per request; this one has more.");
                }

                var number = rows.Count + 1;
                if (record.Count != CsvColumns.Length)
                {
                    rows.Add(new Row(number, null, null, null, null, null, $"expected {CsvColumns.Length} fields, found {record.Count}"));
                    continue;
                }

                var storeId = record[columns[0]].Trim();
                var row = ToRow(number, new BulkLink(null, Guid.TryParse(storeId, out var id) ? id : null, record[columns[1]], null, record[columns[2]]));
                rows.Add(storeId.Length > 0 && !Guid.TryParse(storeId, out _) ? row with { Problem = $"'storeId' '{storeId}' is not a valid id" } : row);
            }
        }
        catch (CsvFormatException ex)
        {
            throw new BulkFormatException($"The CSV body could not be read: {ex.Message}");
        }

        return columns is null ? throw new BulkFormatException($"The CSV body is empty; it needs the header '{string.Join(',', CsvColumns)}'.") : rows;
    }

    static int[] ReadHeader(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim()).ToList();
        var columns = CsvColumns.Select(c => names.FindIndex(n => n.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (names.Count != CsvColumns.Length || columns.Any(c => c < 0) || columns.Distinct().Count() != columns.Length)
        {
            throw new BulkFormatException($"The CSV header must be '{string.Join(',', CsvColumns)}' (any order); it is '{string.Join(',', names)}'.");
        }

        return columns;
    }

    static async Task<List<BulkRowResult>> ApplyAsync(MappingDbContext db, Guid tenantId, string actor, List<Row> rows, DateTime now, CancellationToken cancellationToken)
    {
        var valid = rows.Where(r => r.Problem is null).ToList();
        var storeSkuIds = valid.Where(r => r.StoreSkuId is not null).Select(r => r.StoreSkuId!.Value).Distinct().ToList();
        var storeIds = valid.Where(r => r.StoreId is not null).Select(r => r.StoreId!.Value).Distinct().ToList();
        var sellerSkus = valid.Where(r => r.SellerSku is not null).Select(r => Codes.Normalize(r.SellerSku!)).Distinct().ToList();
        var merchantIds = valid.Where(r => r.MerchantSkuId is not null).Select(r => r.MerchantSkuId!.Value).Distinct().ToList();
        var merchantCodes = valid.Where(r => r.MerchantSkuCode is not null).Select(r => Codes.Normalize(r.MerchantSkuCode!)).Distinct().ToList();

        var byId = await db.StoreSkus
            .Where(s => s.TenantId == tenantId && !s.Deleted && storeSkuIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var bySeller = (await db.StoreSkus
                .Where(s => s.TenantId == tenantId && !s.Deleted && storeIds.Contains(s.StoreId) && sellerSkus.Contains(s.NormalizedSellerSku))
                .ToListAsync(cancellationToken))
            .GroupBy(s => (s.StoreId, s.NormalizedSellerSku))
            .ToDictionary(g => g.Key, g => g.ToList());
        var merchantsById = await db.MerchantSkus.AsNoTracking()
            .Where(m => m.TenantId == tenantId && !m.Deleted && merchantIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var merchantsByCode = (await db.MerchantSkus.AsNoTracking()
                .Where(m => m.TenantId == tenantId && !m.Deleted && merchantCodes.Contains(m.NormalizedCode))
                .ToListAsync(cancellationToken))
            .DistinctBy(m => m.NormalizedCode)
            .ToDictionary(m => m.NormalizedCode, StringComparer.Ordinal);

        var claimed = new Dictionary<Guid, int>();
        var results = new List<BulkRowResult>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Problem is not null)
            {
                results.Add(new BulkRowResult(row.Number, Failed, row.Problem, null, null));
                continue;
            }

            StoreSku? storeSku;
            string? problem = null;
            if (row.StoreSkuId is { } storeSkuId)
            {
                storeSku = byId.GetValueOrDefault(storeSkuId);
                problem = storeSku is null ? $"no store SKU with id {storeSkuId}" : null;
            }
            else
            {
                var matches = bySeller.GetValueOrDefault((row.StoreId!.Value, Codes.Normalize(row.SellerSku!))) ?? [];
                storeSku = matches.Count == 1 ? matches[0] : null;
                problem = matches.Count switch
                {
                    0 => $"no store SKU with seller SKU '{row.SellerSku}' in store {row.StoreId}",
                    1 => null,
                    _ => $"{matches.Count} store SKUs in store {row.StoreId} have seller SKU '{row.SellerSku}'; use 'storeSkuId'",
                };
            }

            var merchant = row.MerchantSkuId is { } merchantSkuId
                ? merchantsById.GetValueOrDefault(merchantSkuId)
                : merchantsByCode.GetValueOrDefault(Codes.Normalize(row.MerchantSkuCode!));
            problem ??= merchant is null
                ? row.MerchantSkuId is not null ? $"no merchant SKU with id {row.MerchantSkuId}" : $"no merchant SKU with code '{row.MerchantSkuCode}'"
                : null;
            if (problem is null && claimed.TryGetValue(storeSku!.Id, out var earlier))
            {
                problem = $"store SKU {storeSku.Id} is already in row {earlier}";
            }

            if (problem is not null)
            {
                results.Add(new BulkRowResult(row.Number, Failed, problem, storeSku?.Id, merchant?.Id));
                continue;
            }

            claimed[storeSku!.Id] = row.Number;
            var changed = LinkChanges.Relink(db, storeSku, merchant, actor, ChangeReason.Bulk, now);
            results.Add(new BulkRowResult(row.Number, changed ? Mapped : Unchanged, null, storeSku.Id, merchant!.Id));
        }

        return results;
    }
}
