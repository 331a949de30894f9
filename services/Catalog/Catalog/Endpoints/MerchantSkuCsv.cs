using CsvHelper;
using PushInventory.Catalog.Domain;

namespace PushInventory.Catalog.Endpoints;

/// <summary>
/// Reads an import file: UTF-8, RFC 4180 quoting, header exactly <c>code,name,category</c> in any case.
/// A quoting error anywhere rejects the whole file (its rows cannot be trusted); a record with the wrong
/// number of fields fails on its own. Row numbers count the header as row 1.
/// </summary>
internal static class MerchantSkuCsv
{
    public sealed record Row(int Number, string Code, string Name, string Category, string? Problem);

    /// <summary>The file's rows, or why the whole file is refused.</summary>
    public sealed record Result(IReadOnlyList<Row> Rows, string? Error);

    static readonly string[] Header = ["code", "name", "category"];

    static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        DetectSeparatorHint = false,
        SkipEmptyLines = true,
        IncludeValuesInExceptions = false,
    };

    public static Result Read(byte[] utf8)
    {
        var rows = new List<Row>();
        try
        {
            using var reader = CsvReader.Create(utf8, Options);
            if (!reader.Read())
            {
                return new([], "The file is empty: the first line must be the header 'code,name,category'.");
            }

            if (reader.FieldCount != Header.Length || Enumerable.Range(0, Header.Length).Any(i => !string.Equals(reader.GetString(i).Trim(), Header[i], StringComparison.OrdinalIgnoreCase)))
            {
                var found = string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(reader.GetString));
                return new([], $"The header must be exactly 'code,name,category' (in any case); found '{Shorten(found)}'.");
            }

            var number = 1;
            while (reader.Read())
            {
                number++;
                if (number - 1 > CatalogLimits.MaxImportRows)
                {
                    return new([], $"The file has more than {CatalogLimits.MaxImportRows} data rows; split it into files of at most {CatalogLimits.MaxImportRows} rows.");
                }

                rows.Add(reader.FieldCount == Header.Length
                    ? new Row(number, reader.GetString(0), reader.GetString(1), reader.GetString(2), null)
                    : new Row(number, reader.FieldCount > 0 ? reader.GetString(0) : "", "", "", $"expected 3 fields (code,name,category), found {reader.FieldCount}"));
            }
        }
        catch (CsvFormatException ex)
        {
            return new([], $"The file is not valid CSV (RFC 4180) at row {ex.RecordNumber}: {ex.Message}");
        }

        return new(rows, null);
    }

    static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
