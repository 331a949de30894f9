using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.Gateway.Tests;

public sealed class GatewayTests
{
    static ServiceFactory<Program> Gateway(int perSecond = 100, int burst = 200) => new ServiceFactory<Program>()
        .With("Gateway:AdminApiKey", "gateway-test-admin-key")
        .With("Gateway:RateLimitPerSecond", perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Gateway:RateLimitBurst", burst.ToString(System.Globalization.CultureInfo.InvariantCulture))
        // Nothing listens there: requests that pass authentication and the limit get the proxy's 502.
        .With("ReverseProxy:Clusters:stock:Destinations:default:Address", "http://127.0.0.1:9/");

    static async Task<HttpClient> TenantClientAsync(ServiceFactory<Program> factory)
    {
        var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", "gateway-test-admin-key");
        var created = await admin.PostAsJsonAsync("/api/admin/tenants", new { name = "Limited" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task RateLimit_BurstExceeded_Returns429WithRetryAfterForThatTenantOnly()
    {
        await using var factory = Gateway(perSecond: 1, burst: 3);
        var limited = await TenantClientAsync(factory);
        var other = await TenantClientAsync(factory);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await limited.GetAsync("/api/stock/warehouses");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
        }

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(2);
        refused.ShouldNotBeNull();
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("rate limit");
        (await other.GetAsync("/api/stock/warehouses")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ApiKey_StoredOnlyAsHash_AuthenticatesAndForwards()
    {
        await using var factory = Gateway();
        var client = await TenantClientAsync(factory);

        // Authenticated and forwarded: the proxy answers for the missing Stock host, not the gateway's 401.
        (await client.GetAsync("/api/stock/warehouses")).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        var files = Directory.GetFiles(factory.DataDirectory, "gateway.db*").Select(f => File.ReadAllBytes(f)).ToList();
        var key = client.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        files.ShouldAllBe(bytes => !System.Text.Encoding.UTF8.GetString(bytes).Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Host_WithoutAdminKey_RefusesToStart()
    {
        using var factory = new ServiceFactory<Program>();

        var error = Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        error.Message.ShouldContain("Gateway:AdminApiKey");
    }
}
