namespace PushInventory.Push.Domain;

/// <summary>The cap (rule maximum) and the reserved floor (promotion reservation): the last two steps.</summary>
internal static class Limits
{
    public static int Cap(int quantity, int? max) => max is { } m && quantity > m ? Math.Max(0, m) : quantity;

    /// <summary>Marketplaces refuse pushes below a promotion reservation; and a push is never negative.</summary>
    public static int ReservedFloor(int quantity, int reservedStock) => Math.Max(0, Math.Max(quantity, reservedStock));
}
