using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class SellOutTests
{
    private static (World World, Guid ShopeePh, Guid Lazada, Guid TikTok, Dictionary<Guid, Guid> StoreSkuOf) ThreeStores(int available)
    {
        var world = new World();
        var shopeePh = world.Store("Shopee PH");
        var lazada = world.Store("Lazada PH", Marketplace.Lazada);
        var tiktok = world.Store("TikTok PH", Marketplace.TikTokShop);
        world.Sku("SKU-1").Level("SKU-1", "WH-A", available);
        var storeSkuOf = new Dictionary<Guid, Guid>
        {
            [shopeePh] = world.StoreSku(shopeePh, "SKU-1"),
            [lazada] = world.StoreSku(lazada, "SKU-1"),
            [tiktok] = world.StoreSku(tiktok, "SKU-1"),
        };
        return (world, shopeePh, lazada, tiktok, storeSkuOf);
    }

    [Fact]
    public void SellOut_ArticleExampleA9Threshold10DesignatedShopeePh_ShopeePhGets9OthersGet0()
    {
        var (world, shopeePh, lazada, tiktok, storeSkuOf) = ThreeStores(9);
        world.Rule([shopeePh, lazada, tiktok], sellOut: new AboutToSellOut(10, shopeePh));

        var decisions = PushEngine.Decide(world.Snapshot(), storeSkuOf.Values).ToDictionary(d => d.StoreId);

        decisions[shopeePh].Quantity.ShouldBe(9);
        decisions[lazada].Quantity.ShouldBe(0);
        decisions[tiktok].Quantity.ShouldBe(0);
        decisions[lazada].Steps.ShouldContain(s => s.Text == "about to sell out: 9 < 10, not designated -> 0");
    }

    [Theory]
    [InlineData(10, 10, 10)]
    [InlineData(11, 11, 11)]
    [InlineData(9, 9, 0)]
    [InlineData(0, 0, 0)]
    public void SellOut_AroundThreshold_OnlyBelowThresholdZeroesOthers(int available, int designatedGets, int othersGet)
    {
        var (world, shopeePh, lazada, tiktok, storeSkuOf) = ThreeStores(available);
        world.Rule([shopeePh, lazada, tiktok], sellOut: new AboutToSellOut(10, shopeePh));

        var decisions = PushEngine.Decide(world.Snapshot(), storeSkuOf.Values).ToDictionary(d => d.StoreId);

        decisions[shopeePh].Quantity.ShouldBe(designatedGets);
        decisions[lazada].Quantity.ShouldBe(othersGet);
        decisions[tiktok].Quantity.ShouldBe(othersGet);
    }

    [Fact]
    public void SellOut_ThresholdComparesRawAvailableNotAfterBuffer_DesignatedGetsFormula()
    {
        var (world, shopeePh, lazada, _, storeSkuOf) = ThreeStores(12);
        world.Rule([shopeePh, lazada], buffer: 4, percent: 50, sellOut: new AboutToSellOut(10, shopeePh));

        var snapshot = world.Snapshot();

        PushEngine.Decide(snapshot, storeSkuOf[shopeePh]).Quantity.ShouldBe(4);
        PushEngine.Decide(snapshot, storeSkuOf[lazada]).Quantity.ShouldBe(4);
    }

    [Fact]
    public void SellOut_OtherStoreWithPromotionReservation_GetsReservedFloor()
    {
        var world = new World();
        var shopeePh = world.Store("Shopee PH");
        var lazada = world.Store("Lazada PH", Marketplace.Lazada);
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 9);
        var lazadaSku = world.StoreSku(lazada, "SKU-1", reserved: 2);
        world.Rule([shopeePh, lazada], sellOut: new AboutToSellOut(10, shopeePh));

        var decision = world.Decide(lazadaSku);

        decision.Quantity.ShouldBe(2);
        decision.Steps.ShouldContain(s => s.Name == "reserved floor" && s.Value == 2);
    }

    [Theory]
    [InlineData("None", false, 5, 10)]
    [InlineData("Inactive", true, 10, 10)]
    [InlineData("Designated", true, 9, 10)]
    public void Evaluate_DesignatedStoreOrNoPolicy_NeverZeroes(string expected, bool hasPolicy, int available, int threshold)
    {
        var store = Guid.NewGuid();
        var policy = hasPolicy ? new AboutToSellOut(threshold, store) : null;

        SellOut.Evaluate(policy, available, store).ToString().ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_OtherStoreBelowThreshold_NotDesignated() =>
        SellOut.Evaluate(new AboutToSellOut(10, Guid.NewGuid()), 9, Guid.NewGuid()).ShouldBe(SellOutOutcome.NotDesignated);
}
