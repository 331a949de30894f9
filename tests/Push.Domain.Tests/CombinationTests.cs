using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class CombinationTests
{
    [Theory]
    [InlineData("designated Shopee: formula then pre-order", true, 35, true)]
    [InlineData("other Shopee: 0 and no pre-order stock", false, 0, false)]
    public void SellOutAndPreOrder_ShopeeStores_DesignatedKeepsPreOrderOthersGetZero(string scenario, bool designated, int expected, bool expectedFlag)
    {
        var world = new World();
        var shopeePh = world.Store("Shopee PH");
        var shopeeSg = world.Store("Shopee SG");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 5);
        var storeSku = world.StoreSku(designated ? shopeePh : shopeeSg, "SKU-1", inPreOrder: !designated);
        world.Rule([shopeePh, shopeeSg], sellOut: new AboutToSellOut(10, shopeePh), preOrder: new PreOrderPolicy(5, 30, 50, 7));

        var decision = world.Decide(storeSku);

        decision.Quantity.ShouldBe(expected, scenario);
        decision.PreOrder.ShouldBe(expectedFlag, scenario);
        decision.InPreOrder.ShouldBe(expectedFlag, scenario);
    }

    [Theory]
    [InlineData("buffer, 80%, round down", 20, 3, 80, 0, null, 0, 13)]
    [InlineData("buffer, 150%, +5, cap", 100, 10, 150, 5, 120, 0, 120)]
    [InlineData("buffer eats all, reserved floor", 2, 5, 100, 0, null, 4, 4)]
    [InlineData("virtual +200 capped, floor above cap", 10, 0, 100, 200, 50, 60, 60)]
    public void Formula_BufferPercentOffsetCapFloor_AppliedInOrder(
        string scenario, int available, int buffer, int percent, int offset, int? max, int reserved, int expected)
    {
        var (world, store, storeSku) = World.Single(available, reserved: reserved);
        world.Rule([store], buffer: buffer, percent: percent, offset: offset, max: max);

        world.Decide(storeSku).Quantity.ShouldBe(expected, scenario);
    }

    [Fact]
    public void Bundle_SellOutOnBundleAvailability_OtherStoreGetsZero()
    {
        var world = new World();
        var main = world.Store("Main");
        var other = world.Store("Other", Marketplace.Lazada);
        world.Sku("A").Sku("SET", null, new ComponentInput("A", 2)).Level("A", "WH-A", 9);
        var mainSku = world.StoreSku(main, "SET");
        var otherSku = world.StoreSku(other, "SET");
        world.Rule([main, other], sellOut: new AboutToSellOut(5, main));

        var snapshot = world.Snapshot();

        PushEngine.Decide(snapshot, mainSku).Quantity.ShouldBe(4);
        PushEngine.Decide(snapshot, otherSku).Quantity.ShouldBe(0);
    }

    [Fact]
    public void Steps_FullDecision_NamesEachArithmeticStepInOrder()
    {
        var world = new World();
        var store = world.Store("Shopee PH");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 4).Level("SKU-1", "WH-B", 5);
        var storeSku = world.StoreSku(store, "SKU-1", reserved: 3);
        world.Rule([store], name: "main", warehouses: ["WH-A", "WH-B"], buffer: 2, percent: 80, max: 100);

        var decision = world.Decide(storeSku);

        decision.Steps.Select(s => s.Text).ShouldBe(
        [
            "available 9 over WH-A,WH-B",
            "buffer -2 -> 7",
            "x 80% + 0 = 5.6",
            "round Down -> 5",
            "push 5",
        ]);
        decision.Steps.Select(s => s.Value).ShouldBe([9m, 7m, 5.6m, 5m, 5m]);
        decision.RuleName.ShouldBe("main");
    }

    [Fact]
    public void Steps_FloorCapSellOutPreOrder_AllNamed()
    {
        var world = new World();
        var designated = world.Store("Shopee PH");
        var store = world.Store("Shopee SG");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 3);
        var storeSku = world.StoreSku(store, "SKU-1", reserved: 2, inPreOrder: true);
        world.Rule([designated, store], max: 1, sellOut: new AboutToSellOut(10, designated), preOrder: new PreOrderPolicy(5, 30, 50, 7));

        var decision = world.Decide(storeSku);

        decision.Steps.Select(s => s.Name).ShouldBe(["available", "formula", "round", "about to sell out", "pre-order", "reserved floor", "push"]);
        decision.Steps.Select(s => s.Text).ShouldContain("about to sell out: 3 < 10, not designated -> 0");
        decision.Steps.Select(s => s.Text).ShouldContain("reserved floor 2");
        decision.Quantity.ShouldBe(2);
    }
}
