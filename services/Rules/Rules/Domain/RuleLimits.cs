namespace PushInventory.Rules.Domain;

/// <summary>The bounds a rule's fields must respect.</summary>
internal static class RuleLimits
{
    public const int MaxNameLength = 200;
    public const int MaxCodeLength = 100;

    /// <summary>Merchant SKUs chosen one by one, per rule (as the help article says).</summary>
    public const int MaxMerchantSkuCodes = 5000;

    public const int MaxStores = 1000;
    public const int MaxWarehouses = 1000;
    public const int MaxCategories = 1000;
    public const decimal MinPercent = 0;
    public const decimal MaxPercent = 2000;

    /// <summary>Percent is stored with two decimals (e.g. 87.5).</summary>
    public const int PercentScale = 2;

    /// <summary>
    /// Shopee's days to ship for pre-order items: 7 to 30 by default (shops may be granted other limits by
    /// Shopee, which <c>v2.product.get_dts_limit</c> reports; the Sandbox enforces 7 to 30 as well).
    /// </summary>
    public const int MinPreOrderDaysToShip = 7;

    public const int MaxPreOrderDaysToShip = 30;

    /// <summary>The Free plan's rule limit.</summary>
    public const int FreePlanRules = 1;
}
