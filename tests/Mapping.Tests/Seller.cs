using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PushInventory.Contracts;
using PushInventory.Mapping.Persistence;
using PushInventory.TestSupport;

namespace PushInventory.Mapping.Tests;

/// <summary>
/// One tenant: an HTTP client acting for it, and the Catalog's side (publishing its events on the host's bus
/// and waiting until the Mapping service has learnt them).
/// </summary>
internal sealed class Seller(ServiceFactory<Program> factory, Guid tenantId)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public Guid TenantId { get; } = tenantId;
    public HttpClient Http { get; } = factory.CreateTenantClient(tenantId);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<Guid> MerchantSkuAsync(string code, Guid? id = null, long version = 1, bool deleted = false)
    {
        var skuId = id ?? Guid.NewGuid();
        await factory.Bus.Publish(new MerchantSkuChanged(TenantId, skuId, code, code, null, false, [], deleted, version, DateTime.UtcNow), Ct);
        await WaitAsync(db => db.MerchantSkus.AnyAsync(s => s.Id == skuId && s.Version >= version, Ct), $"merchant SKU {code} v{version}");
        return skuId;
    }

    public async Task<Guid> StoreSkuAsync(Guid storeId, string sellerSku, Guid? id = null, long version = 1, bool deleted = false)
    {
        var skuId = id ?? Guid.NewGuid();
        await PublishStoreSkuAsync(storeId, sellerSku, skuId, version, deleted);
        await WaitAsync(db => db.StoreSkus.AnyAsync(s => s.Id == skuId && s.Version >= version, Ct), $"store SKU {sellerSku} v{version}");
        return skuId;
    }

    public Task PublishStoreSkuAsync(Guid storeId, string sellerSku, Guid id, long version = 1, bool deleted = false) =>
        factory.Bus.Publish(new StoreSkuChanged(TenantId, id, storeId, Marketplace.Shopee, sellerSku, sellerSku, 1, 0, null, null, [], 0, deleted, version, DateTime.UtcNow), Ct);

    public Task PublishMerchantSkuAsync(string code, Guid id, long version = 1) =>
        factory.Bus.Publish(new MerchantSkuChanged(TenantId, id, code, code, null, false, [], false, version, DateTime.UtcNow), Ct);

    public async Task WaitAsync(Func<MappingDbContext, Task<bool>> condition, string what)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<MappingDbContext>>();
        await Eventually.WaitAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(Ct);
            return await condition(db);
        }, Timeout, what);
    }

    public Task<HttpResponseMessage> PutLinkAsync(Guid storeSkuId, Guid? merchantSkuId = null, string? merchantSkuCode = null) =>
        Http.PutAsJsonAsync("/api/mapping/links", new { storeSkuId, merchantSkuId, merchantSkuCode }, Json, Ct);

    public async Task<LinkDto> LinkAsync(Guid storeSkuId, Guid merchantSkuId)
    {
        var response = await PutLinkAsync(storeSkuId, merchantSkuId);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LinkDto>(Json, Ct))!;
    }

    public Task<HttpResponseMessage> DeleteLinkAsync(Guid storeSkuId) => Http.DeleteAsync($"/api/mapping/links/{storeSkuId}", Ct);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path, Ct);

    public async Task<T> GetJsonAsync<T>(string path)
    {
        var response = await Http.GetAsync(path, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(Json, Ct))!;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => Http.PostAsJsonAsync(path, body, Json, Ct);

    public Task<HttpResponseMessage> PutJsonAsync(string path, object body) => Http.PutAsJsonAsync(path, body, Json, Ct);

    public Task<HttpResponseMessage> PostCsvAsync(string csv) =>
        Http.PostAsync("/api/mapping/links/bulk", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json, Ct))!;
}
