namespace PushInventory.Push.Domain;

/// <summary>What the pre-order policy did to a decision.</summary>
internal enum PreOrderOutcome
{
    /// <summary>Not a Shopee store, or a rule without pre-order and the store SKU not in pre-order: the flag is left alone.</summary>
    NotApplicable,

    /// <summary>Not in pre-order and A &lt;= X: switched on, +Y.</summary>
    SwitchedOn,

    /// <summary>In pre-order and A &lt;= Z: stays on, +Y.</summary>
    StaysOn,

    /// <summary>In pre-order and A &gt; Z: switched off.</summary>
    SwitchedOff,

    /// <summary>Not in pre-order and A &gt; X: stays off.</summary>
    StaysOff,

    /// <summary>About to be sold out sends 0 to this store: pre-order off, no extra stock.</summary>
    OffBySellOut,

    /// <summary>In pre-order but the rule (no longer) has a pre-order policy: switched off.</summary>
    OffWithoutPolicy,
}
