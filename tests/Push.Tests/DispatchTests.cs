using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Push.Tests;

/// <summary>Coalescing, retries, failures, the Inventory Features switch and plan limits.</summary>
public sealed class DispatchTests(PushFixture fixture)
{
    [Fact]
    public async Task Burst_ThousandStockChanges_EndsAtFinalValueNeverGoingBack()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var merchant = await seller.MerchantAsync("BURST-1");
        var sku = await seller.StoreSkuAsync(shopee, "burst-s");
        await seller.MapAsync(sku, merchant, "BURST-1");
        await seller.RuleAsync("real", [shopee]);

        await Task.WhenAll(Enumerable.Range(1, 1000).Select(i => seller.StockAsync(merchant, "BURST-1", i, version: i)));

        await seller.WaitForQuantityAsync(sku, 1000, TimeSpan.FromSeconds(60));
        var history = (await seller.HistoryAsync(sku)).Select(h => h.Quantity).ToList();
        history.ShouldBe(history.Order().ToList(), "the sandbox must never get an older value after a newer one");
        history.Count.ShouldBeLessThan(1000);
        await fixture.WaitForDbAsync(db => db.Records.AllAsync(r => r.TenantId != seller.TenantId || r.Status != Domain.PushStatus.Pending), "every record to end");
        var skipped = await fixture.QueryDbAsync(db => db.Records.CountAsync(r => r.TenantId == seller.TenantId && r.Status == Domain.PushStatus.Skipped && r.Note == "superseded by a newer computation"));
        var succeeded = await fixture.QueryDbAsync(db => db.Records.CountAsync(r => r.TenantId == seller.TenantId && r.Status == Domain.PushStatus.Succeeded));
        // Coalescing happens twice: a StockChanged already overtaken by a newer version is dropped before it
        // is computed, and a computation overtaken before it was sent is recorded Skipped. Either way every
        // push on record is one the marketplace received, and nothing is left behind.
        succeeded.ShouldBe(history.Count);
        (succeeded + skipped).ShouldBeLessThanOrEqualTo(1000);
    }

    [Fact]
    public async Task AStoreWhoseCredentialsChanged_IsPushedWithTheNewOnes_NotWithThoseOfTheLastPush()
    {
        var seller = await Seller.CreateAsync(fixture);
        var lazada = await seller.StoreAsync(Marketplace.Lazada, "Lazada rotating");
        var merchant = await seller.MerchantAsync("ROTATE-1");
        var sku = await seller.StoreSkuAsync(lazada, "rotate-l");
        await seller.MapAsync(sku, merchant, "ROTATE-1");
        await seller.RuleAsync("real", [lazada]);
        await seller.StockAsync(merchant, "ROTATE-1", 4, version: 1);
        await seller.WaitForQuantityAsync(sku, 4);

        // The seller re-authorised the shop: pushes must go with the new credentials.
        var rotated = await seller.StoreAsync(Marketplace.Lazada, lazada.Name, replacing: lazada, version: 2);
        await seller.StockAsync(merchant, "ROTATE-1", 9, version: 2);

        await Eventually.WaitAsync(async () => (await seller.SandboxAsync(rotated)).Sku(sku.Key)?.Quantity == 9, TimeSpan.FromSeconds(30), "the push under the new token");
        (await seller.QuantityAsync(sku)).ShouldBe(4, "the shop under the old token must not get the new quantity");
    }

    [Fact]
    public async Task ServerErrors_UntilFaultCleared_RetryThenSucceed()
    {
        var seller = await Seller.CreateAsync(fixture);
        var tiktok = await seller.StoreAsync(Marketplace.TikTokShop, "TikTok PH");
        var merchant = await seller.MerchantAsync("RETRY-1");
        var sku = await seller.StoreSkuAsync(tiktok, "retry-t");
        await seller.MapAsync(sku, merchant, "RETRY-1");
        await seller.RuleAsync("real", [tiktok]);
        await SetFaultsAsync(tiktok, new { serverErrorShare = 1.0 });

        await seller.StockAsync(merchant, "RETRY-1", 17);

        var retrying = await seller.WaitForRecordAsync(r => r.Status == "Pending" && r.Attempts >= 2, "a pending record with failed attempts");
        retrying.ErrorCode.ShouldNotBeNullOrEmpty();
        (await seller.QuantityAsync(sku)).ShouldBeNull();
        await ClearFaultsAsync(tiktok);
        await seller.WaitForQuantityAsync(sku, 17, TimeSpan.FromSeconds(30));
        var record = await seller.WaitForRecordAsync(r => r.Id == retrying.Id && r.Status == "Succeeded", "the record to succeed");
        record.Attempts.ShouldBeGreaterThan(2);
    }

    [Fact]
    public async Task BelowReservedStock_PermanentFailure_RecordedFailedWithCodeAndRetryable()
    {
        var seller = await Seller.CreateAsync(fixture);
        var item = Seller.NewId();
        var lazada = await seller.StoreAsync(Marketplace.Lazada, "Lazada PH", [($"low-{item}", 10)]);
        var merchant = await seller.MerchantAsync("LOW-1");
        var sku = await seller.StoreSkuAsync(lazada, $"low-{item}");
        await seller.MapAsync(sku, merchant, "LOW-1");
        await seller.RuleAsync("real", [lazada]);

        await seller.StockAsync(merchant, "LOW-1", 4);

        var failed = await seller.WaitForRecordAsync(r => r.Status == "Failed", "a failed record");
        failed.ErrorCode.ShouldBe("4170");
        failed.Quantity.ShouldBe(4);
        (await seller.QuantityAsync(sku)).ShouldNotBe(4);

        using var retry = await seller.Client.PostAsJsonAsync("/api/push/records/retry", new { filter = new { status = "Failed" } });
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted, await retry.Content.ReadAsStringAsync());
        (await retry.Content.ReadFromJsonAsync<RetryView>(PushFixture.Json))!.Retried.ShouldBe(1);
        var again = await seller.WaitForRecordAsync(r => r.Reason == "Retry" && r.Status == "Failed", "the retried push to fail again");
        again.Quantity.ShouldBe(4);
    }

    [Fact]
    public async Task EndedPushes_OfOneRound_ArePublishedInOneStoreSkusPushed_EachWithItsRecordsFields()
    {
        var seller = await Seller.CreateAsync(fixture);
        await using var published = await TestSupport.BusRecorder<StoreSkusPushed>.StartAsync(fixture.Factory.Bus);
        var item = Seller.NewId();
        var lazada = await seller.StoreAsync(Marketplace.Lazada, "Lazada PH", [($"evt-low-{item}", 10), ($"evt-ok-{item}", 0)]);
        var merchant = await seller.MerchantAsync("EVT-1");
        var low = await seller.StoreSkuAsync(lazada, $"evt-low-{item}");
        var fine = await seller.StoreSkuAsync(lazada, $"evt-ok-{item}");
        await seller.MapAsync(low, merchant, "EVT-1");
        await seller.MapAsync(fine, merchant, "EVT-1");
        await seller.RuleAsync("real", [lazada]);

        await seller.StockAsync(merchant, "EVT-1", 4);

        // One computation of 4 for both store SKUs, due together: one round, one settle, one message with both
        // ends (one accepted, one refused below the reserved stock). Earlier computations from the mapping and
        // the rule may have ended in messages of their own.
        List<RecordItem> ended = [];
        await TestSupport.Eventually.WaitAsync(
            async () => (ended = [.. (await seller.RecordsAsync("merchantSkuCode=EVT-1")).Items.Where(r => r.Quantity == 4 && r.Status is "Succeeded" or "Failed")]).Count == 2,
            TimeSpan.FromSeconds(20),
            "both pushes of 4 to end");
        StoreSkusPushed? message = null;
        await TestSupport.Eventually.WaitAsync(
            () => (message = published.Messages.FirstOrDefault(m => m.TenantId == seller.TenantId && m.Pushes.Any(p => p.Quantity == 4))) is not null,
            TimeSpan.FromSeconds(20),
            "the round's StoreSkusPushed");
        message!.Pushes.Select(p => p.RecordId).Order().ShouldBe(ended.Select(r => r.Id).Order());
        foreach (var record in ended)
        {
            var push = message.Pushes.Single(p => p.RecordId == record.Id);
            (push.TenantId, push.StoreId, push.StoreSkuId, push.MerchantSkuCode, push.Quantity).ShouldBe((seller.TenantId, lazada.Id, record.StoreSkuId, "EVT-1", 4));
            push.Succeeded.ShouldBe(record.Status == "Succeeded");
            push.ErrorCode.ShouldBe(record.ErrorCode);
        }

        message.Pushes.Single(p => p.StoreSkuId == low.Id).ErrorCode.ShouldBe("4170");
        message.Pushes.Single(p => p.StoreSkuId == fine.Id).Succeeded.ShouldBeTrue();
        published.Messages.Count(m => m.TenantId == seller.TenantId && m.Pushes.Any(p => p.Quantity == 4)).ShouldBe(1);
    }

    [Fact]
    public async Task InventoryFeaturesOff_StockChanges_NothingPushedAndPushNowConflicts()
    {
        var off = await Seller.CreateAsync(fixture, features: false);
        var on = await Seller.CreateAsync(fixture);
        var offStore = await off.StoreAsync(Marketplace.Shopee, "Shopee off");
        var onStore = await on.StoreAsync(Marketplace.Shopee, "Shopee on");
        var offMerchant = await off.MerchantAsync("OFF-1");
        var onMerchant = await on.MerchantAsync("ON-1");
        var offSku = await off.StoreSkuAsync(offStore, "off-s");
        var onSku = await on.StoreSkuAsync(onStore, "on-s");
        await off.MapAsync(offSku, offMerchant, "OFF-1");
        await on.MapAsync(onSku, onMerchant, "ON-1");
        await off.RuleAsync("real", [offStore]);
        await on.RuleAsync("real", [onStore]);

        await off.StockAsync(offMerchant, "OFF-1", 25);
        await off.WaitForRecordAsync(r => r.Status == "Pending", "the off tenant's computation");
        await on.StockAsync(onMerchant, "ON-1", 26);
        await on.WaitForQuantityAsync(onSku, 26);
        await on.WaitForRecordAsync(r => r.Status == "Succeeded", "the on tenant's push");

        (await off.CallsAsync(offStore)).Count.ShouldBe(0);
        var offRecords = (await off.RecordsAsync()).Items.Where(r => r.Status != "Skipped").ToList();
        offRecords.ShouldNotBeEmpty();
        offRecords.ShouldAllBe(r => r.Status == "Pending");
        using var now = await off.Client.PostAsJsonAsync("/api/push/now", new { });
        now.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await now.Content.ReadAsStringAsync()).ShouldContain("Inventory Features is off: turn it on in /api/settings before pushing");
    }

    [Fact]
    public async Task FreePlan_TokopediaStore_NeverPushed()
    {
        var seller = await Seller.CreateAsync(fixture, plan: Plan.Free);
        var tokopedia = await seller.StoreAsync(Marketplace.Tokopedia, "Tokopedia");
        var tiktok = await seller.StoreAsync(Marketplace.TikTokShop, "TikTok");
        var merchant = await seller.MerchantAsync("FREE-1");
        var tokoSku = await seller.StoreSkuAsync(tokopedia, "free-toko");
        var tiktokSku = await seller.StoreSkuAsync(tiktok, "free-tt");
        await seller.MapAsync(tokoSku, merchant, "FREE-1");
        await seller.MapAsync(tiktokSku, merchant, "FREE-1");
        await seller.RuleAsync("real", [tokopedia, tiktok]);

        await seller.StockAsync(merchant, "FREE-1", 11);
        await seller.WaitForQuantityAsync(tiktokSku, 11);
        using var now = await seller.Client.PostAsJsonAsync("/api/push/now", new { storeIds = new[] { tokopedia.Id } });
        now.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var skipped = await seller.WaitForRecordAsync(r => r.StoreSkuId == tokoSku.Id, "the Push Now decision for Tokopedia");

        skipped.Status.ShouldBe("Skipped");
        skipped.Note!.ShouldContain("FreePlanTokopedia");
        (await seller.CallsAsync(tokopedia)).Count.ShouldBe(0);
    }

    async Task SetFaultsAsync(TestStore store, object faults)
    {
        var body = new Dictionary<string, object?> { ["marketplace"] = store.Marketplace.ToString(), ["shop"] = store.Shop };
        foreach (var property in faults.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(faults);
        }

        using var response = await fixture.Sandbox.PostAsJsonAsync("/sandbox/faults", body);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    async Task ClearFaultsAsync(TestStore store)
    {
        using var response = await fixture.Sandbox.DeleteAsync($"/sandbox/faults?marketplace={store.Marketplace}&shop={Uri.EscapeDataString(store.Shop)}");
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}

public sealed record RetryView(int Retried);
