using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Tests;

/// <summary>Two Push instances on one database share the dispatch work through store leases.</summary>
[Collection(SecondInstanceCollection.Name)]
public sealed class TwoInstanceTests(PushFixture fixture)
{
    [Fact]
    public async Task TwoInstances_OneDatabase_EachVersionPushedOnce()
    {
        await using var second = fixture.SecondInstance();
        var seller = await Seller.CreateAsync(fixture);
        var skus = new List<TestSku>();
        var merchant = await seller.MerchantAsync("TWO-1");
        var stores = new List<TestStore>();
        for (var i = 0; i < 6; i++)
        {
            var store = await seller.StoreAsync(i % 2 == 0 ? Marketplace.Shopee : Marketplace.TikTokShop, $"Store {i}");
            stores.Add(store);
            var sku = await seller.StoreSkuAsync(store, $"two-{i}");
            await seller.MapAsync(sku, merchant, "TWO-1");
            skus.Add(sku);
        }

        await seller.RuleAsync("real", stores);
        for (var quantity = 1; quantity <= 30; quantity++)
        {
            await seller.StockAsync(merchant, "TWO-1", quantity);
        }

        foreach (var sku in skus)
        {
            await seller.WaitForQuantityAsync(sku, 30);
        }

        await fixture.WaitForDbAsync(db => db.Records.AllAsync(r => r.TenantId != seller.TenantId || r.Status != PushStatus.Pending), "every record to end");
        foreach (var sku in skus)
        {
            var history = (await seller.HistoryAsync(sku)).Select(h => h.Quantity).ToList();
            history.ShouldBe(history.Order().ToList());
            var succeeded = await fixture.QueryDbAsync(db => db.Records.CountAsync(r => r.StoreSkuId == sku.Id && r.Status == PushStatus.Succeeded));
            succeeded.ShouldBe(history.Count, "each push is sent by one instance and recorded once");
        }
    }
}
