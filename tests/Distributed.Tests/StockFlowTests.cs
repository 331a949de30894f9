using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PushInventory.Contracts;
using PushInventory.TestSupport;
using RabbitMQ.Client;
using Shouldly;
using Xunit;

namespace PushInventory.Distributed.Tests;

/// <summary>Issue 2's proof: RabbitMQ, PostgreSQL, the Stock host and the gateway as real processes.</summary>
public sealed class StockFlowTests : IAsyncLifetime
{
    readonly DistributedSystem _system = new();

    public async ValueTask InitializeAsync() => await _system.StartAsync("stock");

    public async ValueTask DisposeAsync() => await _system.DisposeAsync();

    [Fact]
    public async Task Movement_ThroughGatewayAndAsRawJsonOnTheQueue_EachEndAsOneStockChangedWithTheNextVersion()
    {
        await using var changes = await BusRecorder<StockChanged>.StartAsync<StockLevelsChanged>(_system.Bus, b => b.Changes);
        using var admin = _system.AdminClient();
        var created = await admin.PostAsJsonAsync("/api/admin/tenants", new { name = "Distributed Co", plan = "Basic" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var tenant = (await created.Content.ReadFromJsonAsync<JsonElement>())!;
        var tenantId = tenant.GetProperty("id").GetGuid();
        using var api = new HttpClient { BaseAddress = _system.Gateway.Address };
        api.DefaultRequestHeaders.Add("X-Api-Key", tenant.GetProperty("apiKey").GetString());

        (await api.PostAsJsonAsync("/api/stock/warehouses", new { code = "WH-1", name = "Main" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var skuId = Guid.NewGuid();
        await _system.Bus.Publish(new MerchantSkuChanged(tenantId, skuId, "SKU-D", "Distributed SKU", null, false, [], false, 1, DateTime.UtcNow));
        await Eventually.WaitAsync(async () => (await api.GetAsync("/api/stock/levels?merchantSkuCode=SKU-D")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the Stock service to learn SKU-D from the bus");

        var posted = await api.PostAsJsonAsync("/api/stock/movements", new { movements = new[] { new { id = "gw-1", merchantSkuCode = "SKU-D", warehouseCode = "WH-1", kind = "StockIn", quantity = 10 } } });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK, await posted.Content.ReadAsStringAsync());
        var first = await changes.WaitForAsync(c => c.TenantId == tenantId && c.Version == 1, TimeSpan.FromSeconds(30), "StockChanged v1 for the HTTP movement");
        (first.OnHand, first.Available, first.MerchantSkuId).ShouldBe((10, 10, skuId));

        // An order system in any language: bare JSON, no MassTransit envelope, straight onto the queue.
        var raw = $$"""{"tenantId":"{{tenantId}}","movements":[{"id":"amqp-1","merchantSkuCode":"sku-d","warehouseCode":"wh-1","kind":"OrderAllocated","quantity":4}]}""";
        var factory = new ConnectionFactory { Uri = Infrastructure.RabbitMq };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var properties = new BasicProperties { ContentType = "application/json", Persistent = true };
            await channel.BasicPublishAsync("", "stock-movements", mandatory: true, properties, Encoding.UTF8.GetBytes(raw));
        }

        var second = await changes.WaitForAsync(c => c.TenantId == tenantId && c.Version == 2, TimeSpan.FromSeconds(30), "StockChanged v2 for the raw JSON movement");
        (second.OnHand, second.Allocated, second.Available, second.Reason).ShouldBe((10, 4, 6, "OrderAllocated"));

        // The same movement again through the gateway is a duplicate: no third change.
        var again = await api.PostAsJsonAsync("/api/stock/movements", new { movements = new[] { new { id = "gw-1", merchantSkuCode = "SKU-D", warehouseCode = "WH-1", kind = "StockIn", quantity = 10 } } });
        (await again.Content.ReadAsStringAsync()).ShouldContain("\"duplicates\":1");
        var level = await api.GetFromJsonAsync<JsonElement>("/api/stock/levels?merchantSkuCode=SKU-D");
        level.GetProperty("levels")[0].GetProperty("version").GetInt64().ShouldBe(2);
        changes.Messages.Count(c => c.TenantId == tenantId).ShouldBe(2);
        changes.MessageIds.Distinct().Count().ShouldBe(changes.MessageIds.Count);
    }

    [Fact]
    public async Task Gateway_WithoutKeyOrWithClientTenantHeader_Refuses()
    {
        using var anonymous = new HttpClient { BaseAddress = _system.Gateway.Address };

        (await anonymous.GetAsync("/api/stock/warehouses")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/admin/tenants", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var spoof = new HttpRequestMessage(HttpMethod.Get, "/api/stock/warehouses");
        spoof.Headers.Add("X-Api-Key", "pik_whatever");
        spoof.Headers.Add("X-Tenant-Id", Guid.NewGuid().ToString());
        (await anonymous.SendAsync(spoof)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
