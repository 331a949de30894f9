namespace PushInventory.Push.Domain;

/// <summary>What about-to-be-sold-out did to a decision.</summary>
internal enum SellOutOutcome
{
    /// <summary>The rule has no such policy.</summary>
    None,

    /// <summary>A is at or above the threshold: every store gets the formula.</summary>
    Inactive,

    /// <summary>A is below the threshold and this is the designated store: it gets the formula.</summary>
    Designated,

    /// <summary>A is below the threshold and this is another store: it gets 0.</summary>
    NotDesignated,
}
