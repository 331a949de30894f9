using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class PreOrderTests
{
    private static readonly PreOrderPolicy Article = new(EnableAtOrBelow: 5, AddQuantity: 30, CloseAbove: 50, DaysToShip: 7);

    [Fact]
    public void PreOrder_ArticleExampleA5Then25Then105_Pushes35Then55Then105OnOnOff()
    {
        var inPreOrder = false;
        var results = new List<(int? Quantity, bool? Flag, bool State)>();
        foreach (var available in new[] { 5, 25, 105 })
        {
            var world = new World();
            var store = world.Store("Shopee PH");
            world.Sku("SKU-1").Level("SKU-1", "WH-A", available);
            var storeSku = world.StoreSku(store, "SKU-1", inPreOrder: inPreOrder);
            world.Rule([store], preOrder: Article);

            var decision = world.Decide(storeSku);
            results.Add((decision.Quantity, decision.PreOrder, decision.InPreOrder));
            inPreOrder = decision.InPreOrder;
        }

        results.ShouldBe([(35, true, true), (55, true, true), (105, false, false)]);
    }

    [Theory]
    [InlineData(false, 5, "SwitchedOn")]
    [InlineData(false, 0, "SwitchedOn")]
    [InlineData(false, 6, "StaysOff")]
    [InlineData(false, 25, "StaysOff")]
    [InlineData(true, 25, "StaysOn")]
    [InlineData(true, 50, "StaysOn")]
    [InlineData(true, 51, "SwitchedOff")]
    public void Evaluate_StateAndAvailable_FollowsHysteresis(bool inPreOrder, int available, string expected) =>
        PreOrder.Evaluate(Article, isShopee: true, inPreOrder, available, SellOutOutcome.None).ToString().ShouldBe(expected);

    [Theory]
    [InlineData(false, false, "NotApplicable")]
    [InlineData(true, false, "OffWithoutPolicy")]
    public void Evaluate_RuleWithoutPolicy_LeavesFlagOrSwitchesLingeringPreOrderOff(bool inPreOrder, bool hasPolicy, string expected) =>
        PreOrder.Evaluate(hasPolicy ? Article : null, isShopee: true, inPreOrder, 3, SellOutOutcome.None).ToString().ShouldBe(expected);

    [Theory]
    [InlineData(Marketplace.Lazada)]
    [InlineData(Marketplace.TikTokShop)]
    [InlineData(Marketplace.Tokopedia)]
    public void PreOrder_NonShopeeStore_IgnoredNoExtraStockNoFlag(Marketplace marketplace)
    {
        var (world, store, storeSku) = World.Single(3, marketplace);
        world.Rule([store], preOrder: Article);

        var decision = world.Decide(storeSku);

        decision.Quantity.ShouldBe(3);
        decision.PreOrder.ShouldBeNull();
        decision.DaysToShip.ShouldBeNull();
        decision.InPreOrder.ShouldBeFalse();
    }

    [Fact]
    public void PreOrder_SwitchedOn_CarriesDaysToShipAndStep()
    {
        var (world, store, storeSku) = World.Single(4);
        world.Rule([store], preOrder: Article);

        var decision = world.Decide(storeSku);

        decision.DaysToShip.ShouldBe(7);
        decision.Steps.ShouldContain(s => s.Name == "pre-order" && s.Text == "pre-order on: +30" && s.Value == 34);
    }

    [Fact]
    public void PreOrder_RuleWithoutPolicyAndSkuInPreOrder_PushesFlagOffAndStateOff()
    {
        var world = new World();
        var store = world.Store("Shopee PH");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 3);
        var storeSku = world.StoreSku(store, "SKU-1", inPreOrder: true);
        world.Rule([store]);

        var decision = world.Decide(storeSku);

        decision.Quantity.ShouldBe(3);
        decision.PreOrder.ShouldBe(false);
        decision.InPreOrder.ShouldBeFalse();
    }

    [Fact]
    public void PreOrder_RuleWithoutPolicyAndSkuNotInPreOrder_FlagLeftAlone()
    {
        var (world, store, storeSku) = World.Single(3);
        world.Rule([store]);

        var decision = world.Decide(storeSku);

        decision.PreOrder.ShouldBeNull();
        decision.InPreOrder.ShouldBeFalse();
    }

    [Fact]
    public void PreOrder_WithPercent_AddsYToFormulaResult()
    {
        var (world, store, storeSku) = World.Single(5);
        world.Rule([store], percent: 50, preOrder: Article);

        world.Decide(storeSku).Quantity.ShouldBe(32);
    }
}
