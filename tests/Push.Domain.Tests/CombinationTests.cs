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

    [Theory]
    [InlineData("designated: 9 + 5 = 14 capped at 8", true, 9, 8, 8, true)]
    [InlineData("designated: 9 + 5 = 14 under a cap of 20", true, 9, 20, 14, false)]
    [InlineData("other store: 0, nothing to cap", false, 9, 8, 0, false)]
    [InlineData("not about to sell out: 12 + 5 = 17 capped at 8 in the other store", false, 12, 8, 8, true)]
    public void SellOutAndCap_DesignatedStoreOverMax_CapStillApplies(string scenario, bool designated, int available, int max, int expected, bool capped)
    {
        var world = new World();
        var shopeePh = world.Store("Shopee PH");
        var lazada = world.Store("Lazada PH", Marketplace.Lazada);
        world.Sku("SKU-1").Level("SKU-1", "WH-A", available);
        var storeSku = world.StoreSku(designated ? shopeePh : lazada, "SKU-1");
        world.Rule([shopeePh, lazada], offset: 5, max: max, sellOut: new AboutToSellOut(10, shopeePh));

        var decision = world.Decide(storeSku);

        decision.Quantity.ShouldBe(expected, scenario);
        decision.Steps.Any(s => s.Name == "max").ShouldBe(capped, scenario);
        decision.Steps.Single(s => s.Name == "about to sell out").Text.ShouldContain(available < 10 ? "< 10" : ">= 10", Case.Sensitive, scenario);
    }

    [Theory]
    [InlineData("bundle A 5 <= X: pre-order on, 5 + 30", 11, false, 35, true, true)]
    [InlineData("bundle A 25 <= Z: stays on, 25 + 30", 51, true, 55, true, true)]
    [InlineData("bundle A 52 > Z: switched off, 52", 105, true, 52, false, false)]
    [InlineData("bundle A 6 > X, not in pre-order: stays off", 13, false, 6, false, false)]
    public void BundleAndPreOrder_BundleAvailability_DrivesTheHysteresis(string scenario, int componentLevel, bool inPreOrder, int expected, bool flag, bool after)
    {
        var world = new World();
        var shopee = world.Store("Shopee PH");
        world.Sku("A").Sku("B").Sku("SET", null, new ComponentInput("A", 2), new ComponentInput("B", 1))
            .Level("A", "WH-A", componentLevel).Level("B", "WH-A", 1000);
        var storeSku = world.StoreSku(shopee, "SET", inPreOrder: inPreOrder);
        world.Rule([shopee], preOrder: new PreOrderPolicy(5, 30, 50, 7));

        var decision = world.Decide(storeSku);

        decision.Available.ShouldBe(componentLevel / 2, scenario);
        decision.Quantity.ShouldBe(expected, scenario);
        decision.PreOrder.ShouldBe(flag, scenario);
        decision.InPreOrder.ShouldBe(after, scenario);
        decision.Steps[0].Text.ShouldEndWith("(bundle)", Case.Sensitive, scenario);
    }

    [Theory]
    [InlineData("no level at all, designated store", "SKU-1", true)]
    [InlineData("no level at all, other store: no 0 pushed either", "SKU-1", false)]
    [InlineData("bundle, a component never stocked, designated store", "SET", true)]
    [InlineData("bundle, a component never stocked, other store", "SET", false)]
    public void UnknownStockAndSellOut_NoLevel_NoPushAnywhere(string scenario, string code, bool designated)
    {
        var world = new World();
        var shopeePh = world.Store("Shopee PH");
        var lazada = world.Store("Lazada PH", Marketplace.Lazada);
        world.Sku("SKU-1").Sku("A").Sku("SET", null, new ComponentInput("A", 1), new ComponentInput("SKU-1", 1)).Level("A", "WH-A", 3);
        var storeSku = world.StoreSku(designated ? shopeePh : lazada, code);
        world.Rule([shopeePh, lazada], sellOut: new AboutToSellOut(10, shopeePh));

        var decision = world.Decide(storeSku);

        decision.NoPushReason.ShouldBe(NoPushReason.UnknownStock, scenario);
        decision.Quantity.ShouldBeNull(scenario);
        decision.Available.ShouldBeNull(scenario);
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
