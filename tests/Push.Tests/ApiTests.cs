using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Push.Tests;

/// <summary>Push Now and its jobs, simulation, and the push records list.</summary>
public sealed class ApiTests(PushFixture fixture)
{
    [Fact]
    public async Task PushNow_UnchangedQuantities_PushesAgainAndJobCompletes()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var lazada = await seller.StoreAsync(Marketplace.Lazada, "Lazada PH");
        var merchant = await seller.MerchantAsync("NOW-1");
        var a = await seller.StoreSkuAsync(shopee, "now-s");
        var b = await seller.StoreSkuAsync(lazada, $"now-{Seller.NewId()}");
        await seller.MapAsync(a, merchant, "NOW-1");
        await seller.MapAsync(b, merchant, "NOW-1");
        await seller.RuleAsync("real", [shopee, lazada]);
        await seller.StockAsync(merchant, "NOW-1", 7);
        await seller.WaitForQuantityAsync(a, 7);
        await seller.WaitForQuantityAsync(b, 7);
        // The rule may have been seen before the stock (a push of 0, then of 7) or after it (7 only).
        var before = (await seller.HistoryAsync(a)).Count;

        using var response = await seller.Client.PostAsJsonAsync("/api/push/now", new { merchantSkuCodes = new[] { "now-1" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var job = (await response.Content.ReadFromJsonAsync<JobAccepted>(PushFixture.Json))!;
        JobView? view = null;
        await Eventually.WaitAsync(async () => (view = await seller.Client.GetFromJsonAsync<JobView>($"/api/push/jobs/{job.JobId}", PushFixture.Json))!.Status == "Completed", TimeSpan.FromSeconds(20), "the job to complete");
        view!.Total.ShouldBe(2);
        view.Succeeded.ShouldBe(2);
        view.Done.ShouldBe(2);
        (await seller.RecordsAsync("reason=PushNow&status=Succeeded")).Items.Count.ShouldBe(2);
        (await seller.HistoryAsync(a)).Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task PushNow_UnknownStoreOrCode_NotFoundNamingThem()
    {
        var seller = await Seller.CreateAsync(fixture);
        var other = await Seller.CreateAsync(fixture);
        var foreign = await other.StoreAsync(Marketplace.Shopee, "Not yours");

        using var response = await seller.Client.PostAsJsonAsync("/api/push/now", new { storeIds = new[] { foreign.Id }, merchantSkuCodes = new[] { "NOPE-1" } });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain(foreign.Id.ToString());
        body.ShouldContain("NOPE-1");
    }

    [Fact]
    public async Task Simulate_MappedSku_ShowsRuleStepsAndQuantityWithoutPushing()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var merchant = await seller.MerchantAsync("SIM-1");
        var sku = await seller.StoreSkuAsync(shopee, "sim-s");
        var unruled = await seller.StoreSkuAsync(await seller.StoreAsync(Marketplace.Lazada, "No rule"), $"sim-{Seller.NewId()}");
        await seller.MapAsync(sku, merchant, "SIM-1");
        await seller.MapAsync(unruled, merchant, "SIM-1");
        var rule = await seller.RuleAsync("partial", [shopee], quantity: new QuantityFormula(80, 0, Rounding.Down, 0, null));
        await fixture.Factory.Bus.Publish(new StockChanged(seller.TenantId, merchant, "SIM-1", Guid.NewGuid(), "WH1", 17, 0, 17, 1, "Count", DateTime.UtcNow));
        await seller.WaitForQuantityAsync(sku, 13);

        using var response = await seller.Client.PostAsJsonAsync("/api/push/simulate", new { merchantSkuCodes = new[] { "SIM-1" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var items = (await response.Content.ReadFromJsonAsync<SimulationView>(PushFixture.Json))!.Items;
        items.Count.ShouldBe(2);
        var pushed = items.Single(i => i.StoreSkuId == sku.Id);
        pushed.RuleId.ShouldBe(rule);
        pushed.Available.ShouldBe(17);
        pushed.Quantity.ShouldBe(13);
        pushed.Steps.Select(s => s.Name).ShouldContain("formula");
        items.Single(i => i.StoreSkuId == unruled.Id).NoPushReason.ShouldBe("NoRule");
        (await seller.HistoryAsync(sku)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Simulate_FiftyOneCodes_BadRequest()
    {
        var seller = await Seller.CreateAsync(fixture);

        using var response = await seller.Client.PostAsJsonAsync("/api/push/simulate", new { merchantSkuCodes = Enumerable.Range(0, 51).Select(i => $"C{i}").ToArray() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("merchantSkuCodes");
    }

    [Fact]
    public async Task Records_FiltersPagingAndCsv_ReturnNewestFirstInPages()
    {
        var seller = await Seller.CreateAsync(fixture);
        var shopee = await seller.StoreAsync(Marketplace.Shopee, "Shopee PH");
        var lazada = await seller.StoreAsync(Marketplace.Lazada, "Lazada PH");
        var merchant = await seller.MerchantAsync("REC-1");
        var a = await seller.StoreSkuAsync(shopee, "rec-s");
        var b = await seller.StoreSkuAsync(lazada, $"rec-{Seller.NewId()}");
        await seller.MapAsync(a, merchant, "REC-1");
        await seller.MapAsync(b, merchant, "REC-1");
        await seller.RuleAsync("real", [shopee, lazada]);
        for (var quantity = 1; quantity <= 3; quantity++)
        {
            await seller.StockAsync(merchant, "REC-1", quantity);
            await seller.WaitForQuantityAsync(a, quantity);
            await seller.WaitForQuantityAsync(b, quantity);
        }

        await Eventually.WaitAsync(async () => (await seller.RecordsAsync("status=Succeeded")).Items.Count == 6, TimeSpan.FromSeconds(20), "six succeeded records");

        var all = (await seller.RecordsAsync("limit=500")).Items;
        all.ShouldBe(all.OrderByDescending(r => r.CreatedAt).ToList());
        var pages = new List<RecordItem>();
        string? cursor = null;
        do
        {
            var page = await seller.RecordsAsync($"limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            pages.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        pages.Select(r => r.Id).ShouldBe(all.Select(r => r.Id));

        var byStore = (await seller.RecordsAsync($"storeId={shopee.Id}&status=Succeeded")).Items;
        byStore.Count.ShouldBe(3);
        byStore.ShouldAllBe(r => r.StoreId == shopee.Id);
        (await seller.RecordsAsync($"sellerSku={b.SellerSku}&status=succeeded")).Items.Count.ShouldBe(3);
        (await seller.RecordsAsync($"storeSkuId={a.Id}&merchantSkuCode=rec-1&status=Succeeded")).Items.Select(r => r.Quantity).ShouldBe([3, 2, 1]);
        (await seller.RecordsAsync($"from={DateTime.UtcNow.AddMinutes(1):O}")).Items.ShouldBeEmpty();
        (await (await Seller.CreateAsync(fixture)).RecordsAsync()).Items.ShouldBeEmpty();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/push/records?storeId={shopee.Id}&status=Succeeded");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await seller.Client.SendAsync(request);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines[0].ShouldStartWith("id,createdAt,storeId,storeName");
        lines[1].ShouldContain("REC-1");
    }

    [Theory]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("limit=501")]
    [InlineData("limit=0")]
    [InlineData("status=Exploded")]
    [InlineData("reason=Because")]
    [InlineData("from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z")]
    public async Task Records_BadQuery_BadRequest(string query)
    {
        var seller = await Seller.CreateAsync(fixture);

        using var response = await seller.Client.GetAsync($"/api/push/records?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
