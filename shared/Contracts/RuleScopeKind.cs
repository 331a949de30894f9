namespace PushInventory.Contracts;

/// <summary>How a push rule chooses the merchant SKUs it covers.</summary>
public enum RuleScopeKind
{
    /// <summary>Merchant SKUs chosen one by one (at most 5000).</summary>
    Skus,

    /// <summary>All merchant SKUs mapped to store SKUs of the chosen stores.</summary>
    Stores,

    /// <summary>All merchant SKUs of the chosen categories.</summary>
    Categories,

    /// <summary>All merchant SKUs.</summary>
    All,
}
