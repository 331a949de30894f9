using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class FormulaTests
{
    [Theory]
    [InlineData("real stock", 9, 100, 0, Rounding.Down, 9)]
    [InlineData("partial 80%", 9, 80, 0, Rounding.Down, 7)]
    [InlineData("partial 80% of 10", 10, 80, 0, Rounding.Down, 8)]
    [InlineData("virtual +200", 10, 100, 200, Rounding.Down, 210)]
    [InlineData("virtual 150%", 10, 150, 0, Rounding.Down, 15)]
    [InlineData("13.8 rounds down to 13", 23, 60, 0, Rounding.Down, 13)]
    [InlineData("13.8 rounds up to 14", 23, 60, 0, Rounding.Up, 14)]
    [InlineData("13.8 rounds to nearest 14", 23, 60, 0, Rounding.Nearest, 14)]
    [InlineData("Nearest 2.5 -> 3", 5, 50, 0, Rounding.Nearest, 3)]
    [InlineData("Nearest 2.4 -> 2", 12, 20, 0, Rounding.Nearest, 2)]
    [InlineData("Up of a whole number stays", 10, 50, 0, Rounding.Up, 5)]
    [InlineData("P = 0 pushes N only", 50, 0, 3, Rounding.Down, 3)]
    [InlineData("P = 2000", 3, 2000, 0, Rounding.Down, 60)]
    [InlineData("zero stock", 0, 100, 0, Rounding.Down, 0)]
    public void Formula_Settings_PushExpectedQuantity(string scenario, int available, int percent, int offset, Rounding rounding, int expected)
    {
        var (world, store, storeSku) = World.Single(available);
        world.Rule([store], percent: percent, offset: offset, rounding: rounding);

        world.Decide(storeSku).Quantity.ShouldBe(expected, scenario);
    }

    [Theory]
    [InlineData(13.8, Rounding.Down, 13)]
    [InlineData(13.8, Rounding.Up, 14)]
    [InlineData(13.8, Rounding.Nearest, 14)]
    [InlineData(2.5, Rounding.Nearest, 3)]
    [InlineData(2.49, Rounding.Nearest, 2)]
    [InlineData(13.0, Rounding.Up, 13)]
    [InlineData(0.01, Rounding.Up, 1)]
    [InlineData(-1.5, Rounding.Down, 0)]
    public void Round_Value_RoundsAsRuleSays(double value, Rounding rounding, int expected) =>
        Formula.Round((decimal)value, rounding).ShouldBe(expected);

    [Fact]
    public void Round_Overflow_ClampsToIntMax() =>
        Formula.Round(decimal.MaxValue / 2, Rounding.Down).ShouldBe(int.MaxValue);

    [Theory]
    [InlineData(9, 2, 7)]
    [InlineData(9, 0, 9)]
    [InlineData(3, 5, 0)]
    [InlineData(-4, 0, 0)]
    [InlineData(9, -2, 9)]
    public void AfterBuffer_AvailableAndBuffer_SubtractsWithoutGoingNegative(int available, int buffer, int expected) =>
        Formula.AfterBuffer(available, buffer).ShouldBe(expected);

    [Theory]
    [InlineData("buffer 2 of 9", 9, 2, 100, 0, null, 7)]
    [InlineData("buffer above A leaves only N", 3, 5, 100, 4, null, 4)]
    [InlineData("buffer then 80%", 12, 2, 80, 0, null, 8)]
    [InlineData("cap 100", 150, 0, 100, 0, 100, 100)]
    [InlineData("cap not reached", 50, 0, 100, 0, 100, 50)]
    [InlineData("cap on virtual stock", 10, 0, 100, 200, 100, 100)]
    [InlineData("cap 0", 10, 0, 100, 0, 0, 0)]
    public void Formula_BufferAndCap_PushExpectedQuantity(string scenario, int available, int buffer, int percent, int offset, int? max, int expected)
    {
        var (world, store, storeSku) = World.Single(available);
        world.Rule([store], buffer: buffer, percent: percent, offset: offset, max: max);

        world.Decide(storeSku).Quantity.ShouldBe(expected, scenario);
    }

    [Fact]
    public void Formula_NegativeAvailableFromOversell_PushesOffsetOnly()
    {
        var (world, store, storeSku) = World.Single(-3);
        world.Rule([store], offset: 2);

        var decision = world.Decide(storeSku);

        decision.Available.ShouldBe(-3);
        decision.Quantity.ShouldBe(2);
    }
}
