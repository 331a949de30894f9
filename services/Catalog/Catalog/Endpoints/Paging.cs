using System.Buffers.Text;
using System.Text.Json;
using PushInventory.Catalog.Domain;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Catalog.Endpoints;

/// <summary>Keyset paging: the cursor is the opaque (base64url JSON) sort key of the last item of the previous page.</summary>
internal static class Paging
{
    public static string Encode(params string[] key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key, JsonSerializerOptions.Default));

    /// <summary>Validates <paramref name="limit"/> and decodes <paramref name="cursor"/> into a key of <paramref name="parts"/> strings (null on the first page).</summary>
    public static (int Limit, string[]? After) Read(int? limit, string? cursor, int parts, Validation validation)
    {
        if (limit is < 1 or > CatalogLimits.MaxPageSize)
        {
            validation.Add("limit", $"'limit' must be between 1 and {CatalogLimits.MaxPageSize}.");
        }

        string[]? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            try
            {
                after = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor), JsonSerializerOptions.Default);
            }
            catch (Exception ex) when (ex is FormatException or JsonException)
            {
                after = null;
            }

            if (after is null || after.Length != parts || after.Any(p => p is null))
            {
                validation.Add("cursor", "'cursor' is not a cursor this list returned.");
                after = null;
            }
        }

        return (limit ?? CatalogLimits.DefaultPageSize, after);
    }

    /// <summary>The page of <paramref name="rows"/> (fetched with one extra row) and the cursor after it.</summary>
    public static Page<TOut> ToPage<TRow, TOut>(List<TRow> rows, int limit, Func<TRow, string[]> key, Func<TRow, TOut> map)
    {
        var more = rows.Count > limit;
        var items = rows.Take(limit).ToList();
        return new Page<TOut>(items.Select(map).ToList(), more ? Encode(key(items[^1])) : null);
    }
}
