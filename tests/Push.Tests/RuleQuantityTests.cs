using PushInventory.Contracts;

namespace PushInventory.Push.Tests;

/// <summary>A stock change reaches every mapped store SKU with the quantity its rule computes.</summary>
public sealed class RuleQuantityTests(PushFixture fixture)
{
    [Fact]
    public async Task StockChanged_MappedToThreeMarketplaces_PushesRuleQuantityToEach()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var lazada = await seller.StoreAsync(Marketplace.Lazada, "Lazada PH");
        var tiktok = await seller.StoreAsync(Marketplace.TikTokShop, "TikTok PH");
        var merchant = await seller.MerchantAsync("TEE-1");
        var skus = new[] { await seller.StoreSkuAsync(shopee, "tee-s"), await seller.StoreSkuAsync(lazada, "tee-l"), await seller.StoreSkuAsync(tiktok, "tee-t") };
        foreach (var sku in skus)
        {
            await seller.MapAsync(sku, merchant, "TEE-1");
        }

        await seller.RuleAsync("real stock", [shopee, lazada, tiktok]);
        await seller.StockAsync(merchant, "TEE-1", 42);

        foreach (var sku in skus)
        {
            await seller.WaitForQuantityAsync(sku, 42);
        }

        var records = await seller.WaitForRecordsAsync("status=Succeeded", 3);
        records.ShouldAllBe(r => r.Quantity == 42 && r.Reason == "StockChanged" && r.MerchantSkuCode == "TEE-1" && r.Attempts == 1);
    }

    [Fact]
    public async Task AboutToSellOut_BelowThreshold_DesignatedStoreGetsStockOthersZero()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var lazada = await seller.StoreAsync(Marketplace.Lazada, "Lazada PH");
        var merchant = await seller.MerchantAsync("CAP-1");
        var designated = await seller.StoreSkuAsync(shopee, "cap-s");
        var other = await seller.StoreSkuAsync(lazada, "cap-l");
        await seller.MapAsync(designated, merchant, "CAP-1");
        await seller.MapAsync(other, merchant, "CAP-1");
        await seller.RuleAsync("sell out", [shopee, lazada], sellOut: new AboutToSellOut(10, shopee.Id));

        await seller.StockAsync(merchant, "CAP-1", 9);

        await seller.WaitForQuantityAsync(designated, 9);
        await seller.WaitForQuantityAsync(other, 0);
    }

    [Fact]
    public async Task PreOrder_FiveThenTwentyFiveThenHundredFive_PushesThirtyFiveFiftyFiveHundredFiveWithPreOrderState()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var merchant = await seller.MerchantAsync("PRE-1");
        var sku = await seller.StoreSkuAsync(shopee, "pre-s");
        await seller.MapAsync(sku, merchant, "PRE-1");
        await seller.RuleAsync("pre-order", [shopee], preOrder: new PreOrderPolicy(5, 30, 50, 10));

        await seller.StockAsync(merchant, "PRE-1", 5);
        await seller.WaitForQuantityAsync(sku, 35);
        (await seller.SandboxAsync(shopee)).PreOrders.Single(p => p.ItemId == sku.ItemId).IsPreOrder.ShouldBeTrue();

        await seller.StockAsync(merchant, "PRE-1", 25);
        await seller.WaitForQuantityAsync(sku, 55);
        (await seller.SandboxAsync(shopee)).PreOrders.Single(p => p.ItemId == sku.ItemId).IsPreOrder.ShouldBeTrue();

        await seller.StockAsync(merchant, "PRE-1", 105);
        await seller.WaitForQuantityAsync(sku, 105);
        var view = await seller.SandboxAsync(shopee);
        view.PreOrders.Single(p => p.ItemId == sku.ItemId).IsPreOrder.ShouldBeFalse();
        var records = (await seller.WaitForRecordsAsync("status=Succeeded", 3)).OrderBy(r => r.CreatedAt).ToList();
        records.Select(r => (r.Quantity, r.PreOrder)).ShouldBe([(35, true), (55, true), (105, false)]);
    }

    [Theory]
    [InlineData(80, 0, 17, 13)]
    [InlineData(100, 200, 5, 205)]
    public async Task Formula_PartialOrVirtual_PushesRoundedDownQuantity(int percent, int offset, int available, int expected)
    {
        var seller = await Seller.CreateAsync(fixture);
        var lazada = await seller.StoreAsync(Marketplace.Lazada, "Lazada PH");
        var merchant = await seller.MerchantAsync("FORM-1");
        var sku = await seller.StoreSkuAsync(lazada, $"form-{Seller.NewId()}");
        await seller.MapAsync(sku, merchant, "FORM-1");
        await seller.RuleAsync("formula", [lazada], quantity: new QuantityFormula(percent, offset, Rounding.Down, 0, null));

        await seller.StockAsync(merchant, "FORM-1", available);

        await seller.WaitForQuantityAsync(sku, expected);
    }

    [Fact]
    public async Task Priority_TwoRulesCoverTheSku_SmallerPriorityWins()
    {
        var seller = await Seller.CreateAsync(fixture);
        var tiktok = await seller.StoreAsync(Marketplace.TikTokShop, "TikTok PH");
        var merchant = await seller.MerchantAsync("PRIO-1");
        var sku = await seller.StoreSkuAsync(tiktok, "prio-t");
        await seller.MapAsync(sku, merchant, "PRIO-1");
        await seller.RuleAsync("catch-all", [tiktok], priority: 5);
        var winner = await seller.RuleAsync("half", [tiktok], priority: 1, quantity: new QuantityFormula(50, 0, Rounding.Down, 0, null),
            scope: new RuleScope(RuleScopeKind.Skus, ["prio-1"], [], []));

        await seller.StockAsync(merchant, "PRIO-1", 40);

        await seller.WaitForQuantityAsync(sku, 20);
        var record = (await seller.WaitForRecordsAsync("status=Succeeded", 1)).Single();
        record.RuleId.ShouldBe(winner);
        record.RuleName.ShouldBe("half");
    }

    [Fact]
    public async Task Bundle_ComponentStockChanges_PushesBundleAvailability()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var shirt = await seller.MerchantAsync("SHIRT");
        var sock = await seller.MerchantAsync("SOCK");
        var bundle = await seller.MerchantAsync("GIFT-SET", (shirt, "SHIRT", 1), (sock, "SOCK", 2));
        var sku = await seller.StoreSkuAsync(shopee, "gift-s");
        await seller.MapAsync(sku, bundle, "GIFT-SET");
        await seller.RuleAsync("bundles", [shopee]);

        await seller.StockAsync(shirt, "SHIRT", 10);
        await seller.StockAsync(sock, "SOCK", 7);

        await seller.WaitForQuantityAsync(sku, 3);
        await seller.StockAsync(sock, "SOCK", 30);
        await seller.WaitForQuantityAsync(sku, 10);
    }

    [Fact]
    public async Task PromotionReserved_QuantityBelowReservation_PushesTheReservedFloor()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var merchant = await seller.MerchantAsync("PROMO-1");
        var sku = await seller.StoreSkuAsync(shopee, "promo-s", reserved: 8);
        await seller.MapAsync(sku, merchant, "PROMO-1");
        await seller.RuleAsync("real", [shopee]);

        await seller.StockAsync(merchant, "PROMO-1", 3);

        await seller.WaitForQuantityAsync(sku, 8);
    }

    [Fact]
    public async Task MappingChanged_StockAlreadyKnown_PushesTheMappedSku()
    {
        var seller = await Seller.CreateAsync(fixture);
        var lazada = await seller.StoreAsync(Marketplace.Lazada, "Lazada PH");
        var merchant = await seller.MerchantAsync("MAP-1");
        var sku = await seller.StoreSkuAsync(lazada, $"map-{Seller.NewId()}");
        await seller.RuleAsync("real", [lazada]);
        await seller.StockAsync(merchant, "MAP-1", 12);
        await fixture.WaitForDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.StockLevels, l => l.TenantId == seller.TenantId), "the level");

        await seller.MapAsync(sku, merchant, "MAP-1");

        await seller.WaitForQuantityAsync(sku, 12);
        (await seller.WaitForRecordsAsync("status=Succeeded", 1)).Single().Reason.ShouldBe("MappingChanged");
    }

    [Fact]
    public async Task StockChanged_StaleVersion_IsIgnored()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var merchant = await seller.MerchantAsync("STALE-1");
        var sku = await seller.StoreSkuAsync(shopee, "stale-s");
        await seller.MapAsync(sku, merchant, "STALE-1");
        await seller.RuleAsync("real", [shopee]);
        await seller.StockAsync(merchant, "STALE-1", 30, version: 5);
        await seller.WaitForQuantityAsync(sku, 30);

        await seller.StockAsync(merchant, "STALE-1", 99, version: 4);
        await seller.StockAsync(merchant, "STALE-1", 31, version: 6);

        await seller.WaitForQuantityAsync(sku, 31);
        (await seller.HistoryAsync(sku)).Select(h => h.Quantity).ShouldNotContain(99);
        var level = await fixture.QueryDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.StockLevels, l => l.TenantId == seller.TenantId));
        level.Version.ShouldBe(6);
    }
}
