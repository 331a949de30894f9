namespace PushInventory.Push.Domain;

/// <summary>Why a store SKU gets no push.</summary>
public enum NoPushReason
{
    /// <summary>The store SKU is not mapped, or mapped to a code that is no merchant SKU.</summary>
    NotMapped,

    /// <summary>No enabled rule covers the merchant SKU and includes the store.</summary>
    NoRule,

    /// <summary>No stock level was ever received for the merchant SKU (or a bundle component) in the rule's warehouses.</summary>
    UnknownStock,

    /// <summary>The Free plan does not push to Tokopedia stores.</summary>
    FreePlanTokopedia,

    /// <summary>
    /// The Free plan allows one push rule: only the first enabled rule in selection order is in force, and
    /// the merchant SKU is covered in this store only by rules that are not.
    /// </summary>
    FreePlanRuleLimit,

    /// <summary>The store SKU, or its store, is not in the snapshot.</summary>
    UnknownStoreSku,
}
