namespace PushInventory.ServiceDefaults;

/// <summary>Codes (merchant SKU, warehouse) compare trimmed and case-insensitively.</summary>
public static class Codes
{
    /// <summary>The form codes are compared and indexed in.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
