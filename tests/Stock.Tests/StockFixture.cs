using System.Net.Http.Json;
using PushInventory.Contracts;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.Stock.Tests;

/// <summary>One Stock host per test class; every test works in a tenant of its own.</summary>
public sealed class StockFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Factory { get; } = new();

    public BusRecorder<StockChanged> StockChanges { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        StockChanges = await BusRecorder<StockChanged>.StartAsync<StockLevelsChanged>(Factory.Bus, b => b.Changes);
    }

    public async ValueTask DisposeAsync()
    {
        await StockChanges.DisposeAsync();
        await Factory.DisposeAsync();
    }

    /// <summary>A tenant with warehouses and merchant SKUs the Stock service has learnt from the Catalog's events.</summary>
    public async Task<TenantScope> NewTenantAsync(string[] warehouses, params string[] skus)
    {
        var tenantId = Guid.NewGuid();
        var client = Factory.CreateTenantClient(tenantId);
        foreach (var code in warehouses)
        {
            (await client.PostAsJsonAsync("/api/stock/warehouses", new { code, name = code })).EnsureSuccessStatusCode();
        }

        var ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in skus)
        {
            ids[code] = Guid.NewGuid();
            await Factory.Bus.Publish(new MerchantSkuChanged(tenantId, ids[code], code, code, null, false, [], false, 1, DateTime.UtcNow));
        }

        var scope = new TenantScope(tenantId, client, ids);
        foreach (var code in skus)
        {
            await Eventually.WaitAsync(async () => (await client.GetAsync($"/api/stock/levels?merchantSkuCode={code}")).IsSuccessStatusCode, TimeSpan.FromSeconds(20), $"the Stock service to learn {code}");
        }

        return scope;
    }
}

public sealed record TenantScope(Guid TenantId, HttpClient Client, Dictionary<string, Guid> SkuIds)
{
    public async Task<MovementsResponse> PostAsync(params object[] movements)
    {
        var response = await Client.PostAsJsonAsync("/api/stock/movements", new { movements });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MovementsResponse>(Json.Options))!;
    }

    public async Task<LevelsResponse> LevelsAsync(string code) =>
        (await Client.GetFromJsonAsync<LevelsResponse>($"/api/stock/levels?merchantSkuCode={code}", Json.Options))!;
}

public sealed record MovementsResponse(int Applied, int Duplicates, int Rejected, List<MovementResultView> Results);

public sealed record MovementResultView(string Id, string Status, string? Reason, LevelItem? Level);

public sealed record LevelsResponse(Guid MerchantSkuId, string MerchantSkuCode, bool IsBundle, List<LevelItem> Levels);

public sealed record LevelItem(string WarehouseCode, int OnHand, int Allocated, int Available, long Version);

public static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = CreateOptions();

    static System.Text.Json.JsonSerializerOptions CreateOptions()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return options;
    }
}
