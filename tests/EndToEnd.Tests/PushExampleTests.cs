using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.EndToEnd.Tests;

/// <summary>Every example in DOMAIN.md, end to end: gateway paths in, the Sandbox marketplace out.</summary>
public sealed class PushExampleTests(EmbeddedHost host)
{
    static object Rule(string name, int priority, string sku, IEnumerable<Guid> stores, object? quantity = null, object? aboutToSellOut = null, object? preOrder = null, string[]? warehouses = null) => new
    {
        name,
        priority,
        scope = new { kind = "Skus", merchantSkuCodes = new[] { sku } },
        warehouseCodes = warehouses ?? ["WH-A"],
        storeIds = stores,
        quantity = quantity ?? new { percent = 100, offset = 0, rounding = "Down" },
        aboutToSellOut,
        preOrder,
    };

    [Fact]
    public async Task AboutToSellOut_AvailableNineBelowTen_DesignatedShopeeGetsNineOthersZero()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("TEE");
        var shopee = await seller.StoreAsync("Shopee", "Shopee PH");
        var lazada = await seller.StoreAsync("Lazada", "Lazada PH");
        var tiktok = await seller.StoreAsync("TikTokShop", "TikTok PH");
        var s = await seller.StoreSkuAsync(shopee, "TEE");
        var l = await seller.StoreSkuAsync(lazada, "TEE");
        var t = await seller.StoreSkuAsync(tiktok, "TEE");
        foreach (var id in new[] { s.Id, l.Id, t.Id })
        {
            await seller.MapAsync(id, "TEE");
        }

        await seller.RuleAsync(Rule("sell-out guard", 1, "TEE", [shopee.Id, lazada.Id, tiktok.Id], aboutToSellOut: new { threshold = 10, designatedStoreId = shopee.Id }));
        await seller.WaitForRuleAsync("TEE", "sell-out guard", 3);

        await seller.MoveAsync("TEE", "WH-A", "StockIn", 9);

        await seller.WaitForSandboxAsync(shopee, s.SandboxKey, 9);
        await seller.WaitForSandboxAsync(lazada, l.SandboxKey, 0);
        await seller.WaitForSandboxAsync(tiktok, t.SandboxKey, 0);
    }

    [Fact]
    public async Task PreOrder_FiveThenTwentyFiveThenOneHundredFive_Pushes35On55On105Off()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("BAG");
        var shopee = await seller.StoreAsync("Shopee", "Shopee PH");
        var s = await seller.StoreSkuAsync(shopee, "BAG");
        await seller.MapAsync(s.Id, "BAG");
        await seller.RuleAsync(Rule("pre-order", 1, "BAG", [shopee.Id], preOrder: new { enableAtOrBelow = 5, addQuantity = 30, closeAbove = 50, daysToShip = 7 }));
        await seller.WaitForRuleAsync("BAG", "pre-order");
        var itemId = long.Parse(s.SandboxKey.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);

        async Task ExpectAsync(int quantity, bool preOrder)
        {
            await seller.WaitForSandboxAsync(shopee, s.SandboxKey, quantity);
            await Eventually.WaitAsync(async () =>
            {
                var stock = await seller.SandboxStockAsync(shopee);
                return stock.GetProperty("preOrders").EnumerateArray().Any(p => p.GetProperty("itemId").GetInt64() == itemId && p.GetProperty("isPreOrder").GetBoolean() == preOrder);
            }, TimeSpan.FromSeconds(30), $"pre-order {(preOrder ? "on" : "off")} at {quantity}");
        }

        await seller.MoveAsync("BAG", "WH-A", "StockIn", 5);
        await ExpectAsync(35, true);
        await seller.MoveAsync("BAG", "WH-A", "StockIn", 20);
        await ExpectAsync(55, true);
        await seller.MoveAsync("BAG", "WH-A", "StockIn", 80);
        await ExpectAsync(105, false);
    }

    [Theory]
    [InlineData(80, 0, "Down", 17, 13)]
    [InlineData(100, 200, "Down", 5, 205)]
    [InlineData(150, 0, "Down", 9, 13)]
    [InlineData(50, 0, "Nearest", 5, 3)]
    [InlineData(60, 0, "Up", 5, 3)]
    public async Task Formula_PartialVirtualAndRounding_PushesTheDocumentedQuantity(int percent, int offset, string rounding, int available, int pushed)
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("CAP");
        var lazada = await seller.StoreAsync("Lazada", "Lazada PH");
        var l = await seller.StoreSkuAsync(lazada, "CAP");
        await seller.MapAsync(l.Id, "CAP");
        await seller.RuleAsync(Rule("formula", 1, "CAP", [lazada.Id], quantity: new { percent, offset, rounding }));
        await seller.WaitForRuleAsync("CAP", "formula");

        await seller.MoveAsync("CAP", "WH-A", "StockIn", available);

        await seller.WaitForSandboxAsync(lazada, l.SandboxKey, pushed);
    }

    [Fact]
    public async Task Priority_SmallerNumberWins_ForTheSameSkuAndStore()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("SOCK");
        var tiktok = await seller.StoreAsync("TikTokShop", "TikTok PH");
        var t = await seller.StoreSkuAsync(tiktok, "SOCK");
        await seller.MapAsync(t.Id, "SOCK");
        await seller.RuleAsync(Rule("full stock, low priority", 5, "SOCK", [tiktok.Id]));
        await seller.RuleAsync(Rule("half stock, high priority", 1, "SOCK", [tiktok.Id], quantity: new { percent = 50, offset = 0, rounding = "Down" }));
        await seller.WaitForRuleAsync("SOCK", "half stock, high priority");

        await seller.MoveAsync("SOCK", "WH-A", "StockIn", 40);

        await seller.WaitForSandboxAsync(tiktok, t.SandboxKey, 20);
    }

    [Fact]
    public async Task Bundle_PushesFloorOfMinComponentAvailability()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("CUP");
        await seller.SkuAsync("SAUCER");
        await seller.SkuAsync("TEA-SET", ("CUP", 2), ("SAUCER", 1));
        var shopee = await seller.StoreAsync("Shopee", "Shopee PH");
        var s = await seller.StoreSkuAsync(shopee, "TEA-SET");
        await seller.MapAsync(s.Id, "TEA-SET");
        await seller.RuleAsync(Rule("bundle", 1, "TEA-SET", [shopee.Id]));
        await seller.WaitForRuleAsync("TEA-SET", "bundle");

        await seller.MoveAsync("CUP", "WH-A", "StockIn", 9);
        await seller.MoveAsync("SAUCER", "WH-A", "StockIn", 7);

        await seller.WaitForSandboxAsync(shopee, s.SandboxKey, 4);
    }

    [Fact]
    public async Task PromotionReservation_IsAFloorForThePush()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("PROMO");
        var lazada = await seller.StoreAsync("Lazada", "Lazada PH");
        var l = await seller.StoreSkuAsync(lazada, "PROMO", reservedStock: 7);
        await seller.MapAsync(l.Id, "PROMO");
        await seller.RuleAsync(Rule("promo", 1, "PROMO", [lazada.Id]));
        await seller.WaitForRuleAsync("PROMO", "promo");

        await seller.MoveAsync("PROMO", "WH-A", "StockIn", 3);

        await seller.WaitForSandboxAsync(lazada, l.SandboxKey, 7);
    }

    [Fact]
    public async Task InventoryFeaturesOff_NothingIsPushedAndPushNowIs409()
    {
        using var seller = await Seller.CreateAsync(host.System, featuresOn: false);
        await seller.SkuAsync("OFF");
        var lazada = await seller.StoreAsync("Lazada", "Lazada PH");
        var l = await seller.StoreSkuAsync(lazada, "OFF");
        await seller.MapAsync(l.Id, "OFF");
        await seller.RuleAsync(Rule("off", 1, "OFF", [lazada.Id]));
        await seller.WaitForRuleAsync("OFF", "off");

        await seller.MoveAsync("OFF", "WH-A", "StockIn", 11);
        var now = await seller.Api.PostAsJsonAsync("/api/push/now", new { });

        now.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await now.Content.ReadAsStringAsync()).ShouldContain("Inventory Features");
        // Turning the switch on and pushing now shows the pipeline was idle only because of the switch.
        await seller.SetFeaturesAsync(true);
        await Eventually.WaitAsync(async () => (await seller.Api.PostAsJsonAsync("/api/push/now", new { })).StatusCode == HttpStatusCode.Accepted, TimeSpan.FromSeconds(30), "Push Now to be accepted once the switch is on");
        await seller.WaitForSandboxAsync(lazada, l.SandboxKey, 11);
        (await seller.SandboxStockAsync(lazada)).GetProperty("skus")[0].GetProperty("changes").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task FreePlan_TokopediaStoreIsNeverPushed()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("TOKO");
        var tokopedia = await seller.StoreAsync("Tokopedia", "Tokopedia");
        var lazada = await seller.StoreAsync("Lazada", "Lazada PH");
        var k = await seller.StoreSkuAsync(tokopedia, "TOKO");
        var l = await seller.StoreSkuAsync(lazada, "TOKO");
        await seller.MapAsync(k.Id, "TOKO");
        await seller.MapAsync(l.Id, "TOKO");
        await seller.RuleAsync(Rule("both", 1, "TOKO", [tokopedia.Id, lazada.Id]));
        await seller.WaitForRuleAsync("TOKO", "both", 2);
        await seller.MoveAsync("TOKO", "WH-A", "StockIn", 4);
        await seller.WaitForSandboxAsync(tokopedia, k.SandboxKey, 4, "the Basic tenant's Tokopedia store to be pushed");

        await Seller.ReadAsync(await seller.Admin.PutAsJsonAsync($"/api/admin/tenants/{seller.TenantId}/plan", new { plan = "Free" }), HttpStatusCode.OK);
        await seller.WaitForSimulationAsync("TOKO", items => items.Any(i => i.GetProperty("noPushReason").ToString() == "FreePlanTokopedia"), "the Free plan to reach the Push service");
        await seller.MoveAsync("TOKO", "WH-A", "StockIn", 6);

        await seller.WaitForSandboxAsync(lazada, l.SandboxKey, 10);
        (await seller.SandboxQuantityAsync(tokopedia, k.SandboxKey)).ShouldBe(4);
    }

    [Fact]
    public async Task MappingChange_TriggersAPush()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("LAMP");
        var tiktok = await seller.StoreAsync("TikTokShop", "TikTok PH");
        var first = await seller.StoreSkuAsync(tiktok, "LAMP");
        await seller.MapAsync(first.Id, "LAMP");
        await seller.RuleAsync(Rule("lamp", 1, "LAMP", [tiktok.Id]));
        await seller.WaitForRuleAsync("LAMP", "lamp");
        await seller.MoveAsync("LAMP", "WH-A", "StockIn", 6);
        await seller.WaitForSandboxAsync(tiktok, first.SandboxKey, 6);
        var added = await seller.StoreSkuAsync(tiktok, "LAMP-TT");

        await seller.MapAsync(added.Id, "LAMP");

        await seller.WaitForSandboxAsync(tiktok, added.SandboxKey, 6, "the newly mapped store SKU to be pushed by the mapping change alone");
    }

    [Fact]
    public async Task PushNow_ReportsJobProgressAndPushesEveryStoreSku()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("PEN");
        var shopee = await seller.StoreAsync("Shopee", "Shopee PH");
        var lazada = await seller.StoreAsync("Lazada", "Lazada PH");
        var s = await seller.StoreSkuAsync(shopee, "PEN");
        var l = await seller.StoreSkuAsync(lazada, "PEN");
        await seller.MapAsync(s.Id, "PEN");
        await seller.MapAsync(l.Id, "PEN");
        await seller.MoveAsync("PEN", "WH-A", "StockIn", 8);
        await seller.RuleAsync(Rule("pen", 1, "PEN", [shopee.Id, lazada.Id]));
        await seller.WaitForRuleAsync("PEN", "pen", 2);

        var accepted = await Seller.ReadAsync(await seller.Api.PostAsJsonAsync("/api/push/now", new { }), HttpStatusCode.Accepted);
        var jobId = accepted.GetProperty("jobId").GetGuid();

        JsonElement job = default;
        await Eventually.WaitAsync(async () =>
        {
            job = await Seller.ReadAsync(await seller.Api.GetAsync($"/api/push/jobs/{jobId}"), HttpStatusCode.OK);
            return job.GetProperty("status").GetString() == "Completed";
        }, TimeSpan.FromSeconds(30), "the Push Now job to complete");
        (job.GetProperty("total").GetInt32(), job.GetProperty("done").GetInt32(), job.GetProperty("failed").GetInt32()).ShouldBe((2, 2, 0));
        await seller.WaitForSandboxAsync(shopee, s.SandboxKey, 8);
        await seller.WaitForSandboxAsync(lazada, l.SandboxKey, 8);
    }

    [Fact]
    public async Task Burst_OfOneThousandChangesToOneSku_EndsAtTheFinalValueWithSupersededRecordsSkipped()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("HOT");
        var lazada = await seller.StoreAsync("Lazada", "Lazada PH");
        var l = await seller.StoreSkuAsync(lazada, "HOT");
        await seller.MapAsync(l.Id, "HOT");
        await seller.RuleAsync(Rule("hot", 1, "HOT", [lazada.Id]));
        await seller.WaitForRuleAsync("HOT", "hot");
        await seller.MoveAsync("HOT", "WH-A", "StockIn", 1);
        await seller.WaitForSandboxAsync(lazada, l.SandboxKey, 1);

        var movements = Enumerable.Range(0, 1000).Select(i => new { id = $"burst-{i}", merchantSkuCode = "HOT", warehouseCode = "WH-A", kind = "StockIn", quantity = 1 });
        (await Seller.ReadAsync(await seller.Api.PostAsJsonAsync("/api/stock/movements", new { movements }), HttpStatusCode.OK)).GetProperty("applied").GetInt32().ShouldBe(1000);

        await seller.WaitForSandboxAsync(lazada, l.SandboxKey, 1001);
        var history = await Seller.ReadAsync(await seller.Sandbox.GetAsync($"/sandbox/stock/history?marketplace=Lazada&shop={Uri.EscapeDataString(lazada.ShopKey)}&sku=HOT"), HttpStatusCode.OK);
        var pushed = history.EnumerateArray().Select(c => c.GetProperty("quantity").GetInt32()).ToList();
        pushed.ShouldBe(pushed.Order().ToList(), "a push never sends an older value after a newer one");
        pushed.Count.ShouldBeLessThan(1000);
        // Every push on record reached the marketplace; superseded computations are Skipped, none left Pending or Failed.
        await Eventually.WaitAsync(async () => (await seller.RecordsAsync($"storeSkuId={l.Id}&status=Pending")).GetProperty("items").GetArrayLength() == 0, TimeSpan.FromSeconds(30), "no record left Pending");
        (await seller.RecordsAsync($"storeSkuId={l.Id}&status=Succeeded&limit=500")).GetProperty("items").GetArrayLength().ShouldBe(pushed.Count);
        (await seller.RecordsAsync($"storeSkuId={l.Id}&status=Failed")).GetProperty("items").GetArrayLength().ShouldBe(0);
        foreach (var record in (await seller.RecordsAsync($"storeSkuId={l.Id}&status=Skipped&reason=StockChanged&limit=500")).GetProperty("items").EnumerateArray())
        {
            record.GetProperty("note").GetString().ShouldNotBeNull(record.ToString()).ShouldContain("superseded", customMessage: record.ToString());
        }
    }

    [Fact]
    public async Task FailedPush_IsRetriedAndSucceedsOnceTheMarketplaceRecovers()
    {
        using var seller = await Seller.CreateAsync(host.System);
        await seller.SkuAsync("FLAKY");
        var tiktok = await seller.StoreAsync("TikTokShop", "TikTok PH");
        var t = await seller.StoreSkuAsync(tiktok, "FLAKY");
        await seller.MapAsync(t.Id, "FLAKY");
        await seller.RuleAsync(Rule("flaky", 1, "FLAKY", [tiktok.Id]));
        await seller.WaitForRuleAsync("FLAKY", "flaky");
        (await seller.Sandbox.PostAsJsonAsync("/sandbox/faults", new { marketplace = "TikTokShop", shop = tiktok.ShopKey, serverErrorShare = 1.0 })).EnsureSuccessStatusCode();

        await seller.MoveAsync("FLAKY", "WH-A", "StockIn", 12);
        await Eventually.WaitAsync(async () =>
        {
            var records = await seller.RecordsAsync($"storeSkuId={t.Id}");
            return records.GetProperty("items").EnumerateArray().Any(r => r.GetProperty("attempts").GetInt32() >= 1);
        }, TimeSpan.FromSeconds(30), "a failed attempt to be on record");
        (await seller.SandboxQuantityAsync(tiktok, t.SandboxKey)).ShouldBeNull();

        (await seller.Sandbox.DeleteAsync($"/sandbox/faults?marketplace=TikTokShop&shop={Uri.EscapeDataString(tiktok.ShopKey)}")).EnsureSuccessStatusCode();

        await seller.WaitForSandboxAsync(tiktok, t.SandboxKey, 12);
        await Eventually.WaitAsync(async () =>
            (await seller.RecordsAsync($"storeSkuId={t.Id}&status=Succeeded")).GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the record to show Succeeded");
    }
}
