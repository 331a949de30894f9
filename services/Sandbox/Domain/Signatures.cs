using System.Security.Cryptography;
using System.Text;

namespace PushInventory.Sandbox.Domain;

/// <summary>The three marketplaces' signatures, as the marketplaces check them.</summary>
internal static class Signatures
{
    public static string Shopee(string partnerKey, string partnerId, string apiPath, string timestamp, string accessToken, string shopId) =>
        Convert.ToHexStringLower(Mac(partnerKey, partnerId + apiPath + timestamp + accessToken + shopId));

    public static string Lazada(string appSecret, string apiPath, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Convert.ToHexString(Mac(appSecret, apiPath + string.Concat(parameters
            .Where(p => p.Key != "sign")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + p.Value))));

    public static string TikTokShop(string appSecret, string apiPath, IEnumerable<KeyValuePair<string, string>> query, string body) =>
        Convert.ToHexStringLower(Mac(appSecret, appSecret + apiPath + string.Concat(query
            .Where(p => p.Key is not ("sign" or "access_token"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + p.Value)) + body + appSecret));

    public static bool Matches(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static byte[] Mac(string key, string message) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message));
}
