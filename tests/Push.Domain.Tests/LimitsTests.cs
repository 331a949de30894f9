using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class LimitsTests
{
    [Theory]
    [InlineData(150, 100, 100)]
    [InlineData(100, 100, 100)]
    [InlineData(99, 100, 99)]
    [InlineData(5, null, 5)]
    [InlineData(5, -1, 0)]
    public void Cap_QuantityAndMax_NeverAboveMax(int quantity, int? max, int expected) =>
        Limits.Cap(quantity, max).ShouldBe(expected);

    [Theory]
    [InlineData(5, 3, 5)]
    [InlineData(1, 3, 3)]
    [InlineData(0, 0, 0)]
    [InlineData(-2, 0, 0)]
    [InlineData(4, -5, 4)]
    public void ReservedFloor_QuantityAndReserved_NeverBelowReservedOrZero(int quantity, int reserved, int expected) =>
        Limits.ReservedFloor(quantity, reserved).ShouldBe(expected);

    [Theory]
    [InlineData("floor below computed", 9, null, 3, 9)]
    [InlineData("floor above computed", 2, null, 3, 3)]
    [InlineData("floor above max wins", 150, 100, 120, 120)]
    [InlineData("max below computed, floor below max", 150, 100, 20, 100)]
    [InlineData("floor on zero stock", 0, null, 4, 4)]
    public void ReservedFloor_AfterFormulaAndCap_IsLastWord(string scenario, int available, int? max, int reserved, int expected)
    {
        var (world, store, storeSku) = World.Single(available, reserved: reserved);
        world.Rule([store], max: max);

        world.Decide(storeSku).Quantity.ShouldBe(expected, scenario);
    }

    [Fact]
    public void Cap_PreOrderStock_IsCappedToo()
    {
        var (world, store, storeSku) = World.Single(4);
        world.Rule([store], max: 20, preOrder: new(5, 30, 50, 7));

        var decision = world.Decide(storeSku);

        decision.Quantity.ShouldBe(20);
        decision.PreOrder.ShouldBe(true);
        decision.Steps.ShouldContain(s => s.Name == "max" && s.Text == "max 20");
    }
}
