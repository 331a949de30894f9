using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PushInventory.Contracts;
using PushInventory.Push.Planning;
using PushInventory.TestSupport;

namespace PushInventory.Push.Tests;

/// <summary>
/// Stock changes are recomputed from an in-memory copy of the tenant's catalog (mappings, merchant SKUs, rules,
/// stores) while its stamp is unchanged; any change to it, saved by any instance, is used by the next recompute.
/// </summary>
[Collection(SecondInstanceCollection.Name)]
public sealed class CatalogCacheTests(PushFixture fixture)
{
    [Fact]
    public async Task StockChanges_CatalogUnchanged_ReadOnceThenFromMemory()
    {
        var (seller, merchant, sku, _) = await SetUpAsync("CACHE-1");
        var cache = fixture.Factory.Services.GetRequiredService<CatalogCache>();

        await seller.StockAsync(merchant, "CACHE-1", 5);
        await seller.WaitForQuantityAsync(sku, 5);
        var first = cache.Peek(seller.TenantId);
        first.ShouldNotBeNull("the first stock change read the catalog and kept it");
        first.MappingsByStoreSku.ShouldContainKey(sku.Id);

        await seller.StockAsync(merchant, "CACHE-1", 6);
        await seller.WaitForQuantityAsync(sku, 6);
        await seller.StockAsync(merchant, "CACHE-1", 7);
        await seller.WaitForQuantityAsync(sku, 7);
        cache.Peek(seller.TenantId).ShouldBeSameAs(first, "nothing in the catalog changed, so it was not read again");
    }

    [Fact]
    public async Task RuleChanged_NextStockChange_UsesTheNewRuleAndReadsTheCatalogAgain()
    {
        var (seller, merchant, sku, rule) = await SetUpAsync("CACHE-2");
        var cache = fixture.Factory.Services.GetRequiredService<CatalogCache>();
        await seller.StockAsync(merchant, "CACHE-2", 40);
        await seller.WaitForQuantityAsync(sku, 40);
        var before = cache.Peek(seller.TenantId).ShouldNotBeNull();

        await rule.HalveAsync(fixture);
        var stamp = await fixture.QueryDbAsync(db => db.TenantSettings.Where(t => t.TenantId == seller.TenantId).Select(t => t.CatalogStamp).SingleAsync());
        stamp.ShouldNotBe(before.Stamp, "the rule's save renewed the tenant's catalog stamp");

        await seller.StockAsync(merchant, "CACHE-2", 30);
        await seller.WaitForQuantityAsync(sku, 15);

        // Read again once the reload interval allows: each round is one more stock change, pushed at half.
        var available = 30;
        await Eventually.WaitAsync(
            async () =>
            {
                available += 2;
                await seller.StockAsync(merchant, "CACHE-2", available);
                await seller.WaitForQuantityAsync(sku, available / 2);
                return cache.Peek(seller.TenantId)?.Stamp == stamp;
            },
            TimeSpan.FromSeconds(20),
            "the catalog read again at the new stamp");
        cache.Peek(seller.TenantId)!.Rules.ShouldHaveSingleItem().Quantity.Percent.ShouldBe(50m);
    }

    [Fact]
    public async Task TwoInstances_RuleChangedThroughOne_TheOtherRecomputesWithIt()
    {
        await using var second = fixture.SecondInstance();
        var (seller, merchant, sku, rule) = await SetUpAsync("CACHE-3");
        var secondCache = second.Services.GetRequiredService<CatalogCache>();

        await seller.StockAsync(merchant, "CACHE-3", 20, via: second);
        await seller.WaitForQuantityAsync(sku, 20);
        secondCache.Peek(seller.TenantId).ShouldNotBeNull("the second instance recomputed the change from a catalog it keeps");

        // The first instance saves the rule; the second learns of it only through the stamp in the database.
        await rule.HalveAsync(fixture);
        await seller.StockAsync(merchant, "CACHE-3", 10, via: second);
        await seller.WaitForQuantityAsync(sku, 5);
    }

    async Task<(Seller Seller, Guid Merchant, TestSku Sku, TestRule Rule)> SetUpAsync(string code)
    {
        var seller = await Seller.CreateAsync(fixture);
        var merchant = await seller.MerchantAsync(code);
        var store = await seller.StoreAsync(Marketplace.Shopee, $"Store {code}");
        var sku = await seller.StoreSkuAsync(store, code.ToLowerInvariant());
        await seller.MapAsync(sku, merchant, code);
        var ruleId = await seller.RuleAsync("all", [store]);
        return (seller, merchant, sku, new TestRule(seller, ruleId, store));
    }

    /// <summary>The rule the tests change: all SKUs, warehouse WH1, the one store, at first 100%.</summary>
    sealed record TestRule(Seller Seller, Guid Id, TestStore Store)
    {
        /// <summary>Saves version 2 of the rule at 50%, through the fixture's host, and waits until it is stored.</summary>
        public async Task HalveAsync(PushFixture fixture)
        {
            await fixture.Factory.Bus.Publish(new PushRuleChanged(
                Seller.TenantId, Id, "all", 1, true, DateTime.UtcNow,
                new RuleScope(RuleScopeKind.All, [], [], []),
                ["WH1"],
                [Store.Id],
                new QuantityFormula(50, 0, Rounding.Down, 0, null),
                null, null, false, 2, DateTime.UtcNow));
            await fixture.WaitForDbAsync(db => db.Rules.AnyAsync(r => r.Id == Id && r.Version == 2), "version 2 of the rule");
        }
    }
}
