using System.Net;
using System.Net.Http.Json;
using PushInventory.Contracts;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.Stock.Tests;

/// <summary>
/// Two Stock hosts on one database, as two scaled-out instances: the per-tenant queue of one process cannot
/// serialise their writes, so they meet on the level's version and the loser applies its group again.
/// </summary>
public sealed class TwoHostConcurrencyTests
{
    const int PerHost = 15;

    [Fact]
    public async Task ConcurrentMovements_OnOneLevelThroughTwoHosts_LoseNoUpdateAndVersionEachChangeOnce()
    {
        var shared = Path.Combine(Path.GetTempPath(), "pushinventory-tests", "two-hosts-" + Guid.NewGuid().ToString("N"));
        await using var first = new ServiceFactory<Program>().With("Persistence:DataDirectory", shared);
        await using var second = new ServiceFactory<Program>().With("Persistence:DataDirectory", shared);
        // One after the other: the second host finds the database the first created.
        _ = first.Server;
        _ = second.Server;
        // Either host's outbox dispatcher may publish a row, each on its own in-memory bus: record both.
        await using var firstChanges = await BusRecorder<StockChanged>.StartAsync<StockLevelsChanged>(first.Bus, b => b.Changes);
        await using var secondChanges = await BusRecorder<StockChanged>.StartAsync<StockLevelsChanged>(second.Bus, b => b.Changes);

        var tenantId = Guid.NewGuid();
        var clients = new[] { first.CreateTenantClient(tenantId), second.CreateTenantClient(tenantId) };
        (await clients[0].PostAsJsonAsync("/api/stock/warehouses", new { code = "WH-A", name = "Main" })).EnsureSuccessStatusCode();
        await first.Bus.Publish(new MerchantSkuChanged(tenantId, Guid.NewGuid(), "SKU-1", "SKU-1", null, false, [], false, 1, DateTime.UtcNow));
        await Eventually.WaitAsync(async () => (await clients[1].GetAsync("/api/stock/levels?merchantSkuCode=SKU-1")).IsSuccessStatusCode, TimeSpan.FromSeconds(20), "both hosts to know SKU-1");

        // Quantities 1..N, each in its own request, alternating hosts, all at once (the level does not exist yet either).
        var total = 2 * PerHost;
        var posts = Enumerable.Range(1, total).Select(async quantity =>
        {
            var response = await clients[quantity % 2].PostAsJsonAsync("/api/stock/movements", new { movements = new[] { new { id = $"m{quantity}", merchantSkuCode = "SKU-1", warehouseCode = "WH-A", kind = "StockIn", quantity } } });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<MovementsResponse>(Json.Options))!.Results.Single();
        }).ToList();
        var results = await Task.WhenAll(posts);

        var sum = total * (total + 1) / 2;
        results.ShouldAllBe(r => r.Status == "Applied");
        results.Select(r => r.Level!.Version).Order().ShouldBe(Enumerable.Range(1, total).Select(v => (long)v));
        foreach (var client in clients)
        {
            var level = (await client.GetFromJsonAsync<LevelsResponse>("/api/stock/levels?merchantSkuCode=SKU-1", Json.Options))!.Levels.Single();
            (level.OnHand, level.Version).ShouldBe((sum, (long)total));
        }

        await Eventually.WaitAsync(() => firstChanges.Messages.Count(c => c.TenantId == tenantId) + secondChanges.Messages.Count(c => c.TenantId == tenantId) >= total, TimeSpan.FromSeconds(30), $"{total} StockChanged across both buses");
        var changes = firstChanges.Messages.Concat(secondChanges.Messages).Where(c => c.TenantId == tenantId).OrderBy(c => c.Version).ToList();
        changes.Select(c => c.Version).ShouldBe(Enumerable.Range(1, total).Select(v => (long)v));
        // Each version is one movement on top of the one before: the steps are exactly the quantities 1..N, once each.
        changes.Select((c, i) => c.OnHand - (i == 0 ? 0 : changes[i - 1].OnHand)).Order().ShouldBe(Enumerable.Range(1, total));
        changes[^1].OnHand.ShouldBe(sum);
    }
}
