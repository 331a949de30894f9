using System.Text;
using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.Lazada;

/// <summary>Lazada Open Platform signature (sign_method=sha256).</summary>
internal static class LazadaSigner
{
    /// <summary>apiPath followed by key+value of every parameter but <c>sign</c>, sorted by key (ordinal).</summary>
    public static string StringToSign(string apiPath, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var text = new StringBuilder(apiPath);
        foreach (var (key, value) in parameters.Where(p => p.Key != "sign").OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(value);
        }

        return text.ToString();
    }

    /// <summary>HEX_UPPER(HMAC_SHA256(app_secret, string to sign)).</summary>
    public static string Sign(string appSecret, string apiPath, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Hmac.Sha256Hex(appSecret, StringToSign(apiPath, parameters), upper: true);
}
