using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PushInventory.Push.Endpoints;

/// <summary>Opaque keyset cursors over (createdAt, sequence): base64url of "ticks|sequence".</summary>
internal static class Cursor
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static string Encode(DateTime createdAt, long sequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{createdAt.Ticks}|{sequence}")));

    /// <summary>The position, or null when the text is not a cursor this list returned.</summary>
    public static (DateTime CreatedAt, long Sequence)? Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                && ticks <= DateTime.MaxValue.Ticks)
            {
                return (new DateTime(ticks, DateTimeKind.Utc), sequence);
            }
        }
        catch (FormatException)
        {
        }

        return null;
    }
}
