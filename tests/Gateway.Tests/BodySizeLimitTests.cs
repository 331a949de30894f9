using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.Gateway.Tests;

/// <summary>
/// The gateway refuses bodies over 1 MiB before forwarding, except on routes whose service takes more:
/// the Catalog's CSV import (50,000 rows, 32 MiB at most) and Mapping's bulk links.
/// </summary>
public sealed class BodySizeLimitTests
{
    const string AdminKey = "gateway-test-admin-key";
    const int OverOneMiB = 2 * 1024 * 1024;

    [Fact]
    public async Task LargeBody_OnImportRoute_IsForwardedWhileOtherRoutesGet413()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var factory = new ServiceFactory<Program>()
            .With("Gateway:AdminApiKey", AdminKey)
            .With("ReverseProxy:Clusters:catalog:Destinations:default:Address", upstream.Address)
            .With("ReverseProxy:Clusters:stock:Destinations:default:Address", upstream.Address);
        var client = await TenantClientAsync(factory);
        var csv = Csv(rows: 50_000);
        Encoding.UTF8.GetByteCount(csv).ShouldBeGreaterThan(OverOneMiB);

        var imported = await client.PostAsync("/api/catalog/merchant-skus/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var movements = await client.PostAsync("/api/stock/movements", new StringContent(MovementsJson(OverOneMiB), Encoding.UTF8, "application/json"));
        var otherCatalog = await client.PostAsync("/api/catalog/merchant-skus", new StringContent(new string(' ', OverOneMiB) + "{}", Encoding.UTF8, "application/json"));

        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        upstream.Received.ShouldContain(("/api/catalog/merchant-skus/import", (long)Encoding.UTF8.GetByteCount(csv)));
        await ShouldBe413ProblemAsync(movements);
        await ShouldBe413ProblemAsync(otherCatalog);
        upstream.Received.Select(r => r.Path).ShouldBe(["/api/catalog/merchant-skus/import"]);
    }

    static async Task ShouldBe413ProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(413);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("over the limit of 1048576 bytes");
    }

    static string Csv(int rows)
    {
        var csv = new StringBuilder("code,name\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append("SKU-").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
                .Append(",Cotton T-shirt size M colour blue ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    static string MovementsJson(int atLeastBytes)
    {
        var json = new StringBuilder("{\"movements\":[");
        for (var i = 0; json.Length < atLeastBytes; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"id\":\"m-").Append(i).Append("\",\"merchantSkuCode\":\"SKU-1\",\"warehouseCode\":\"WH-A\",\"kind\":\"StockIn\",\"quantity\":1}");
        }

        return json.Append("]}").ToString();
    }

    static async Task<HttpClient> TenantClientAsync(ServiceFactory<Program> factory)
    {
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        var created = await admin.PostAsJsonAsync("/api/admin/tenants", new { name = "Bodies" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A stand-in service on a real port that reads every body and records its path and size.</summary>
    sealed class Upstream(WebApplication app, string address) : IAsyncDisposable
    {
        public string Address { get; } = address;

        public ConcurrentQueue<(string Path, long Bytes)> Received { get; } = new();

        public static async Task<Upstream> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
            var app = builder.Build();
            Upstream? upstream = null;
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body, context.RequestAborted);
                upstream!.Received.Enqueue((context.Request.Path.Value ?? "", body.Length));
                await context.Response.WriteAsJsonAsync(new { bytes = body.Length }, context.RequestAborted);
            });
            await app.StartAsync();
            var address = app.Urls.Single();
            upstream = new Upstream(app, address.TrimEnd('/') + "/");
            return upstream;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
