using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class AvailabilityTests
{
    [Fact]
    public void Available_SeveralWarehouses_SumsOnlyRuleWarehouses()
    {
        var world = new World();
        var store = world.Store("Shop");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 4).Level("SKU-1", "WH-B", 5).Level("SKU-1", "WH-C", 100);
        var storeSku = world.StoreSku(store, "SKU-1");
        world.Rule([store], warehouses: ["WH-A", "wh-b", " WH-B "]);

        var decision = world.Decide(storeSku);

        decision.Available.ShouldBe(9);
        decision.Warehouses.ShouldBe(["WH-A", "wh-b"]);
        decision.Steps[0].Text.ShouldBe("available 9 over WH-A,wh-b");
    }

    [Fact]
    public void Available_LevelMissingInOneWarehouse_CountsZero()
    {
        var world = new World();
        var store = world.Store("Shop");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 4);
        var storeSku = world.StoreSku(store, "SKU-1");
        world.Rule([store], warehouses: ["WH-A", "WH-B"]);

        world.Decide(storeSku).Quantity.ShouldBe(4);
    }

    [Theory]
    [InlineData("no level at all", false)]
    [InlineData("level only in another warehouse", true)]
    public void Available_NoLevelInRuleWarehouses_UnknownStockNoPush(string scenario, bool levelElsewhere)
    {
        var world = new World();
        var store = world.Store("Shop");
        world.Sku("SKU-1");
        if (levelElsewhere)
        {
            world.Level("SKU-1", "WH-Z", 50);
        }

        var storeSku = world.StoreSku(store, "SKU-1");
        var rule = world.Rule([store], warehouses: ["WH-A"]);

        var decision = world.Decide(storeSku);

        decision.NoPushReason.ShouldBe(NoPushReason.UnknownStock, scenario);
        decision.Quantity.ShouldBeNull();
        decision.Available.ShouldBeNull();
        decision.RuleId.ShouldBe(rule.Id);
    }

    [Fact]
    public void Available_LevelOfZero_IsKnownAndPushesZero()
    {
        var (world, store, storeSku) = World.Single(0);
        world.Rule([store]);

        var decision = world.Decide(storeSku);

        decision.NoPushReason.ShouldBeNull();
        decision.Quantity.ShouldBe(0);
    }

    public static TheoryData<string, int[], int[], int?> BundleCases => new()
    {
        // components A x2 and B x1; levels in WH-A then WH-B (-1 = no level)
        { "floor of min in one warehouse", [7, -1], [5, -1], 3 },
        { "limited by the other component", [10, -1], [2, -1], 2 },
        { "summed per warehouse, not pooled", [3, 1], [1, 3], 1 },
        { "component missing in one warehouse counts 0 there", [4, 4], [4, -1], 2 },
        { "component never received: unknown", [4, 4], [-1, -1], null },
        { "negative component level counts 0", [-2, 6], [5, 5], 3 },
    };

    [Theory]
    [MemberData(nameof(BundleCases))]
    public void Available_Bundle_PerWarehouseFloorOfMinSummed(string scenario, int[] levelsA, int[] levelsB, int? expected)
    {
        var world = new World();
        var store = world.Store("Shop");
        world.Sku("A").Sku("B").Sku("BUNDLE", null, new ComponentInput("a", 2), new ComponentInput(" B ", 1));
        string[] warehouses = ["WH-A", "WH-B"];
        for (var i = 0; i < warehouses.Length; i++)
        {
            if (levelsA[i] != -1)
            {
                world.Level("A", warehouses[i], levelsA[i]);
            }

            if (levelsB[i] != -1)
            {
                world.Level("B", warehouses[i], levelsB[i]);
            }
        }

        var storeSku = world.StoreSku(store, "BUNDLE");
        world.Rule([store], warehouses: warehouses);

        var decision = world.Decide(storeSku);

        decision.Available.ShouldBe(expected, scenario);
        decision.Quantity.ShouldBe(expected, scenario);
        decision.NoPushReason.ShouldBe(expected is null ? NoPushReason.UnknownStock : null, scenario);
    }

    [Fact]
    public void Available_BundleWithPercent_FormulaAppliesToBundleAvailability()
    {
        var world = new World();
        var store = world.Store("Shop", Marketplace.TikTokShop);
        world.Sku("A").Sku("SET", null, new ComponentInput("A", 3)).Level("A", "WH-A", 31);
        var storeSku = world.StoreSku(store, "SET");
        world.Rule([store], percent: 50, rounding: Rounding.Up);

        var decision = world.Decide(storeSku);

        decision.Available.ShouldBe(10);
        decision.Quantity.ShouldBe(5);
        decision.Steps[0].Text.ShouldEndWith("(bundle)");
    }
}
