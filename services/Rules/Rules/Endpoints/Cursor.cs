using System.Buffers.Text;
using System.Text;

namespace PushInventory.Rules.Endpoints;

/// <summary>Opaque keyset cursors: the last item's sort key, base64url-encoded.</summary>
internal static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode(params string[] parts) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', parts)));

    /// <summary>The parts, or null when the cursor is not one of ours.</summary>
    public static string[]? Decode(string cursor, int parts)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var split = decoded.Split('|');
            return split.Length == parts ? split : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
