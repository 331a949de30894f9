using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class PlanAndMappingTests
{
    [Theory]
    [InlineData(Plan.Free, Marketplace.Tokopedia, false)]
    [InlineData(Plan.Free, Marketplace.Shopee, true)]
    [InlineData(Plan.Free, Marketplace.TikTokShop, true)]
    [InlineData(Plan.Basic, Marketplace.Tokopedia, true)]
    [InlineData(Plan.Pro, Marketplace.Tokopedia, true)]
    public void FreePlan_Marketplace_TokopediaNotPushedOnFree(Plan plan, Marketplace marketplace, bool pushes)
    {
        var (world, store, storeSku) = World.Single(8, marketplace);
        world.Plan = plan;
        world.Rule([store]);

        var decision = world.Decide(storeSku);

        decision.Pushes.ShouldBe(pushes);
        decision.Quantity.ShouldBe(pushes ? 8 : null);
        decision.NoPushReason.ShouldBe(pushes ? null : NoPushReason.FreePlanTokopedia);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("NO-SUCH-SKU")]
    public void Mapping_NotMappedOrUnknownCode_NotMapped(string? mappedCode)
    {
        var world = new World();
        var store = world.Store("Shop");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 3);
        var storeSku = world.StoreSku(store, mappedCode);
        world.Rule([store]);

        var decision = world.Decide(storeSku);

        decision.NoPushReason.ShouldBe(NoPushReason.NotMapped);
        decision.Quantity.ShouldBeNull();
        decision.StoreId.ShouldBe(store);
    }

    [Fact]
    public void Decide_StoreSkuNotInSnapshot_UnknownStoreSku()
    {
        var (world, store, _) = World.Single(3);
        world.Rule([store]);
        var missing = Guid.NewGuid();

        var decision = PushEngine.Decide(world.Snapshot(), [missing]).Single();

        decision.StoreSkuId.ShouldBe(missing);
        decision.NoPushReason.ShouldBe(NoPushReason.UnknownStoreSku);
    }

    [Fact]
    public void Decide_NoPush_KeepsPreOrderStateUnchanged()
    {
        var world = new World();
        var store = world.Store("Shopee PH");
        world.Sku("SKU-1");
        var storeSku = world.StoreSku(store, "SKU-1", inPreOrder: true);
        world.Rule([store], preOrder: new(5, 30, 50, 7));

        var decision = world.Decide(storeSku);

        decision.NoPushReason.ShouldBe(NoPushReason.UnknownStock);
        decision.InPreOrder.ShouldBeTrue();
        decision.PreOrder.ShouldBeNull();
    }

    [Fact]
    public void Decide_SeveralStoreSkus_OneDecisionEachInInputOrder()
    {
        var (world, store, first) = World.Single(3);
        var second = world.StoreSku(store, null);
        world.Rule([store]);

        var decisions = PushEngine.Decide(world.Snapshot(), [second, first]);

        decisions.Select(d => d.StoreSkuId).ShouldBe([second, first]);
    }

    [Theory]
    [InlineData("store")]
    [InlineData("store sku")]
    [InlineData("merchant sku")]
    [InlineData("level")]
    [InlineData("rule")]
    [InlineData("component quantity")]
    public void Snapshot_DuplicateOrInvalidInput_Throws(string what)
    {
        var (world, store, storeSku) = World.Single(3);
        var rule = world.Rule([store]);
        switch (what)
        {
            case "store": world.Stores.Add(world.Stores[0]); break;
            case "store sku": world.StoreSkus.Add(new StoreSkuInput(storeSku, store, "SKU-1")); break;
            case "merchant sku": world.Sku(" sku-1"); break;
            case "level": world.Level("sku-1", "wh-a", 9); break;
            case "rule": world.Rules.Add(rule with { Name = "copy" }); break;
            default: world.Sku("SET", null, new ComponentInput("SKU-1", 0)); break;
        }

        Should.Throw<ArgumentException>(world.Snapshot);
    }
}
