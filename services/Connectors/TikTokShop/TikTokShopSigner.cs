using System.Text;
using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.TikTokShop;

/// <summary>TikTok Shop Partner API (202309) signature.</summary>
internal static class TikTokShopSigner
{
    /// <summary>app_secret + path + key+value of the query parameters but sign and access_token, sorted by key + body + app_secret.</summary>
    public static string StringToSign(string appSecret, string apiPath, IEnumerable<KeyValuePair<string, string>> query, string body)
    {
        var text = new StringBuilder(appSecret).Append(apiPath);
        foreach (var (key, value) in query.Where(p => p.Key is not ("sign" or "access_token")).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(value);
        }

        return text.Append(body).Append(appSecret).ToString();
    }

    /// <summary>hex_lower(HMAC_SHA256(app_secret, string to sign)).</summary>
    public static string Sign(string appSecret, string apiPath, IEnumerable<KeyValuePair<string, string>> query, string body) =>
        Hmac.Sha256Hex(appSecret, StringToSign(appSecret, apiPath, query, body), upper: false);
}
