using System.Buffers.Text;
using System.Globalization;
using System.Text;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Mapping.Endpoints;

/// <summary>Keyset paging: <c>limit</c> (1 to 1000, default 100) and an opaque cursor holding the last sort key.</summary>
internal static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static int Limit(int? limit, Validation validation)
    {
        validation.Require(limit is null or (>= 1 and <= MaxLimit), "limit", $"'limit' must be from 1 to {MaxLimit}.");
        return limit ?? DefaultLimit;
    }

    public static string Encode(params long[] keys) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('.', keys.Select(k => k.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>Reads a cursor of <paramref name="count"/> keys; adds a validation error when it is not one of ours.</summary>
    public static long[]? Decode(string? cursor, int count, Validation validation)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('.');
            var keys = new long[parts.Length];
            if (parts.Length == count && parts.Select((p, i) => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out keys[i])).All(ok => ok))
            {
                return keys;
            }
        }
        catch (FormatException)
        {
        }

        validation.Add("cursor", "'cursor' is not a cursor this list returned.");
        return null;
    }
}
