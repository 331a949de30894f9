using System.Net;
using System.Text;

namespace PushInventory.Mapping.Tests;

public sealed class BulkTests(MappingFixture fixture) : IClassFixture<MappingFixture>
{
    [Fact]
    public async Task Bulk_JsonWithBadRows_AppliesGoodRowsAndReportsEachRow()
    {
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        var m1 = await seller.MerchantSkuAsync("M-1");
        var m2 = await seller.MerchantSkuAsync("M-2");
        var a = await seller.StoreSkuAsync(storeId, "A");
        var b = await seller.StoreSkuAsync(storeId, "b-1");
        var c = await seller.StoreSkuAsync(storeId, "C");
        await seller.LinkAsync(c, m2);

        var response = await seller.PostJsonAsync("/api/mapping/links/bulk", new
        {
            links = new object?[]
            {
                new { storeSkuId = a, merchantSkuId = m1 },
                new { storeId, sellerSku = "B-1", merchantSkuCode = "m-2" },
                new { storeSkuId = c, merchantSkuCode = "NOPE" },
                new { storeSkuId = Guid.NewGuid(), merchantSkuId = m1 },
                new { storeSkuId = a, merchantSkuId = m2 },
                new { storeSkuId = c },
                new { storeSkuId = c, merchantSkuId = m2 },
                null,
            },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await Seller.ReadAsync<BulkDto>(response);
        report.Rows.Select(r => (r.Row, r.Status)).ShouldBe([
            (1, "mapped"), (2, "mapped"), (3, "failed"), (4, "failed"), (5, "failed"), (6, "failed"), (7, "unchanged"), (8, "failed")]);
        (report.Total, report.Mapped, report.Unchanged, report.Failed).ShouldBe((8, 2, 1, 5));
        report.Rows[2].Reason.ShouldNotBeNull().ShouldContain("'NOPE'");
        report.Rows[4].Reason.ShouldNotBeNull().ShouldContain("row 1");
        report.Rows[5].Reason.ShouldNotBeNull().ShouldContain("merchantSku");
        var links = (await seller.GetJsonAsync<LinkPageDto>($"/api/mapping/links?storeId={storeId}")).Items.ToDictionary(l => l.StoreSkuId);
        links[a].MerchantSkuId.ShouldBe(m1);
        links[b].MerchantSkuId.ShouldBe(m2);
        links[c].Version.ShouldBe(1);
    }

    [Fact]
    public async Task Bulk_CsvWithBadRows_ReportsRowNumbersAndAppliesRest()
    {
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        var m1 = await seller.MerchantSkuAsync("M,1");
        await seller.MerchantSkuAsync("M-2");
        var a = await seller.StoreSkuAsync(storeId, "A \"big\"");
        var b = await seller.StoreSkuAsync(storeId, "B");
        var csv = $"merchantSkuCode,storeId,sellerSku\r\n\"M,1\",{storeId},\"A \"\"big\"\"\"\r\nM-2,not-a-guid,B\r\nM-2,{storeId},NOPE\r\nM-2,{storeId}\r\nm-2,{storeId},b\r\n";

        var response = await seller.PostCsvAsync(csv);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await Seller.ReadAsync<BulkDto>(response);
        report.Rows.Select(r => (r.Row, r.Status)).ShouldBe([(1, "mapped"), (2, "failed"), (3, "failed"), (4, "failed"), (5, "mapped")]);
        report.Rows[1].Reason.ShouldNotBeNull().ShouldContain("not-a-guid");
        report.Rows[2].Reason.ShouldNotBeNull().ShouldContain("'NOPE'");
        report.Rows[3].Reason.ShouldNotBeNull().ShouldContain("3 fields");
        var links = (await seller.GetJsonAsync<LinkPageDto>($"/api/mapping/links?storeId={storeId}")).Items.ToDictionary(l => l.StoreSkuId);
        links[a].MerchantSkuId.ShouldBe(m1);
        links[b].MerchantSkuCode.ShouldBe("M-2");
    }

    [Theory]
    [InlineData("storeId,sellerSku\r\n", "header")]
    [InlineData("storeId,sellerSku,merchantSkuCode,extra\r\n", "header")]
    [InlineData("storeId,sellerSku,merchantSkuCode\r\n{0},A,\"M-1\r\n", "never closed")]
    [InlineData("storeId,sellerSku,merchantSkuCode\r\n{0},A,M\"1\r\n", "quote")]
    [InlineData("", "header")]
    public async Task Bulk_BadCsv_400AndNothingStored(string template, string expected)
    {
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        await seller.MerchantSkuAsync("M-1");
        await seller.StoreSkuAsync(storeId, "A");

        var response = await seller.PostCsvAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, storeId) + $"{storeId},A,M-1\r\n");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Seller.ReadAsync<ProblemDto>(response)).Detail.ShouldNotBeNull().ShouldContain(expected);
        (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links?unmappedOnly=true")).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Bulk_MalformedJson_400()
    {
        var seller = fixture.NewSeller();

        var response = await seller.PostJsonAsync("/api/mapping/links/bulk", new { links = "not a list" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bulk_MoreThan50000CsvRows_400AndNothingStored()
    {
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        await seller.MerchantSkuAsync("M-1");
        await seller.StoreSkuAsync(storeId, "A");
        var csv = new StringBuilder("storeId,sellerSku,merchantSkuCode\n");
        for (var i = 0; i <= 50_000; i++)
        {
            csv.Append(storeId).Append(",A,M-1\n");
        }

        var response = await seller.PostCsvAsync(csv.ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Seller.ReadAsync<ProblemDto>(response)).Detail.ShouldNotBeNull().ShouldContain("50000");
        (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links?unmappedOnly=true")).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Bulk_MoreThan50000JsonRows_400()
    {
        var seller = fixture.NewSeller();
        var row = new { storeSkuId = Guid.NewGuid(), merchantSkuCode = "M" };

        var response = await seller.PostJsonAsync("/api/mapping/links/bulk", new { links = Enumerable.Repeat(row, 50_001) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bulk_OtherContentType_415()
    {
        var seller = fixture.NewSeller();
        var response = await seller.Http.PostAsync("/api/mapping/links/bulk", new StringContent("x", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(415);
    }
}
