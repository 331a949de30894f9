namespace PushInventory.Contracts;

/// <summary>A tenant's subscription plan. Free: one push rule, 500 merchant SKUs, no pushes to Tokopedia.</summary>
public enum Plan
{
    /// <summary>The default plan, with limits.</summary>
    Free,

    /// <summary>No limits on rules, SKUs or marketplaces.</summary>
    Basic,

    /// <summary>No limits on rules, SKUs or marketplaces.</summary>
    Pro,
}
