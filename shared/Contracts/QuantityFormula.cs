namespace PushInventory.Contracts;

/// <summary>The quantity formula: round((A - buffer) x percent% + offset), capped at max.</summary>
/// <param name="Percent">P, 0 to 2000.</param>
/// <param name="Offset">N, not negative.</param>
/// <param name="Rounding">How the result is rounded.</param>
/// <param name="Buffer">Safety stock subtracted from A first.</param>
/// <param name="Max">An optional cap on the result.</param>
public sealed record QuantityFormula(decimal Percent, int Offset, Rounding Rounding, int Buffer, int? Max);
