using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>The quantity formula: buffer, then A' x P% + N, then rounding. Decimal arithmetic throughout.</summary>
internal static class Formula
{
    /// <summary>A' = max(0, A - buffer). A negative buffer is treated as none.</summary>
    public static decimal AfterBuffer(int available, int buffer) => Math.Max(0m, (decimal)available - Math.Max(0, buffer));

    /// <summary>A' x P / 100 + N.</summary>
    public static decimal Apply(decimal afterBuffer, decimal percent, int offset) => (afterBuffer * percent / 100m) + offset;

    /// <summary>Rounds to a whole quantity, never negative and at most <see cref="int.MaxValue"/>. Nearest sends x.5 up.</summary>
    public static int Round(decimal value, Rounding rounding)
    {
        var rounded = rounding switch
        {
            Rounding.Up => Math.Ceiling(value),
            Rounding.Nearest => Math.Round(value, MidpointRounding.AwayFromZero),
            _ => Math.Floor(value),
        };
        return rounded <= 0m ? 0 : rounded >= int.MaxValue ? int.MaxValue : (int)rounded;
    }
}
