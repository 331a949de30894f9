using System.Security.Cryptography;
using System.Text;

namespace PushInventory.Gateway.Domain;

internal static class ApiKeys
{
    const string Prefix = "pik_";

    /// <summary>A new key: 256 random bits, URL-safe.</summary>
    public static string Create() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Keys carry 256 random bits, so a plain SHA-256 is enough to store them safely (no salt or stretching needed).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The part of a key safe to show: its prefix and first characters.</summary>
    public static string Display(string key) => key.Length > 10 ? key[..10] : key;

    /// <summary>Compares two secrets in constant time.</summary>
    public static bool Matches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
