using System.Globalization;
using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.Shopee;

/// <summary>Shopee Open Platform v2 shop-level signature.</summary>
internal static class ShopeeSigner
{
    /// <summary>hex_lower(HMAC_SHA256(partner_key, partner_id + path + timestamp + access_token + shop_id)).</summary>
    public static string Sign(string partnerKey, long partnerId, string apiPath, long timestamp, string accessToken, long shopId) =>
        Hmac.Sha256Hex(
            partnerKey,
            string.Create(CultureInfo.InvariantCulture, $"{partnerId}{apiPath}{timestamp}{accessToken}{shopId}"),
            upper: false);
}
