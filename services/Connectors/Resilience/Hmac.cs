using System.Security.Cryptography;
using System.Text;

namespace PushInventory.Connectors.Resilience;

internal static class Hmac
{
    public static string Sha256Hex(string key, string message, bool upper)
    {
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message));
        return upper ? Convert.ToHexString(hash) : Convert.ToHexStringLower(hash);
    }
}
