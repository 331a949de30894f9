using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Catalog.Tests;

/// <summary>Store credentials never come back in a response nor show in a log line, whatever the request.</summary>
public sealed class SecretTests : IAsyncLifetime
{
    readonly CatalogFactory _factory = new();
    readonly CapturingLoggerProvider _logs = new();
    WebApplicationFactory<Program> _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Secrets_NeverInResponsesOrLogs()
    {
        var tenant = Guid.NewGuid();
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant.ToString());
        var secrets = Enumerable.Range(0, 8).Select(i => $"s3cr3t{i}-{Guid.NewGuid():N}").ToArray();
        var bus = _host.Services.GetRequiredService<MassTransit.IBus>();
        await using var events = await BusRecorder<StoreChanged>.StartAsync(bus);
        var bodies = new List<string>();

        async Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body, string Raw)> Call(HttpMethod method, string path, object? body = null)
        {
            var response = await client.SendAsync(method, path, body);
            bodies.Add(response.Raw);
            return response;
        }

        var created = await Call(HttpMethod.Post, "/api/catalog/stores", new
        {
            marketplace = "Shopee",
            name = "Shopee PH",
            region = "PH",
            credentials = new { partnerId = 77L, partnerKey = secrets[0], shopId = 88L, accessToken = secrets[1] },
        });
        created.Status.ShouldBe(HttpStatusCode.Created, created.Raw);
        var shopee = created.Body!["id"]!.GetValue<Guid>();
        var tiktok = (await Call(HttpMethod.Post, "/api/catalog/stores", new
        {
            marketplace = "TikTokShop",
            name = "TikTok TH",
            region = "TH",
            credentials = new { appKey = secrets[2], appSecret = secrets[3], accessToken = secrets[4], shopCipher = secrets[5] },
        })).Body!["id"]!.GetValue<Guid>();

        (await Call(HttpMethod.Get, $"/api/catalog/stores/{shopee}")).Status.ShouldBe(HttpStatusCode.OK);
        (await Call(HttpMethod.Get, "/api/catalog/stores")).Status.ShouldBe(HttpStatusCode.OK);
        (await Call(HttpMethod.Put, $"/api/catalog/stores/{shopee}", new { credentials = new { partnerId = 77L, partnerKey = secrets[6], shopId = 88L, accessToken = secrets[7] } })).Status.ShouldBe(HttpStatusCode.OK);
        (await Call(HttpMethod.Put, $"/api/catalog/stores/{tiktok}", new { credentials = new { appKey = secrets[2], appSecret = secrets[3] } })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Call(HttpMethod.Post, "/api/catalog/stores", new { marketplace = "Lazada", name = "L", region = "XX", credentials = new { appKey = secrets[2], appSecret = secrets[3], accessToken = secrets[4] } })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Call(HttpMethod.Post, "/api/catalog/stores", $"{{\"marketplace\":\"Shopee\",\"credentials\":{{\"partnerKey\":\"{secrets[0]}\",\"partnerId\":\"{secrets[1]}\"}}}}")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Call(HttpMethod.Delete, $"/api/catalog/stores/{tiktok}")).Status.ShouldBe(HttpStatusCode.NoContent);
        await events.WaitForAsync(e => e.StoreId == tiktok && e.Deleted);
        await events.WaitForAsync(e => e.StoreId == shopee && e.Version == 2);

        bodies.Count.ShouldBe(9);
        _logs.Lines.ShouldNotBeEmpty();
        _logs.Lines.ShouldContain(l => l.Contains(shopee.ToString(), StringComparison.Ordinal), "the store changes are logged, by id");
        foreach (var secret in secrets)
        {
            bodies.ShouldAllBe(b => !b.Contains(secret, StringComparison.Ordinal));
            _logs.Lines.ShouldAllBe(l => !l.Contains(secret, StringComparison.Ordinal));
            events.Messages.ShouldAllBe(e => !e.ProtectedCredentials.Contains(secret, StringComparison.Ordinal));
        }
    }
}
