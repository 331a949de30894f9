namespace PushInventory.Contracts;

/// <summary>How a rule rounds A x P% + N to a whole quantity.</summary>
public enum Rounding
{
    /// <summary>Towards zero (13.8 becomes 13). The default.</summary>
    Down,

    /// <summary>Up to the next whole number.</summary>
    Up,

    /// <summary>To the nearest whole number; x.5 goes up.</summary>
    Nearest,
}
