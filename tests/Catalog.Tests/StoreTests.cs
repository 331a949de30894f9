using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults;
using PushInventory.TestSupport;

namespace PushInventory.Catalog.Tests;

public sealed class StoreTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task Store_Create_DefaultsBaseUrlAndPublishesProtectedCredentials()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        await using var events = await BusRecorder<StoreChanged>.StartAsync(factory.Bus);

        var (status, body, raw) = await client.PostJsonAsync("/api/catalog/stores", Api.ShopeeStore(partnerKey: "key-123", accessToken: "token-456"));

        status.ShouldBe(HttpStatusCode.Created, raw);
        var id = body!["id"]!.GetValue<Guid>();
        body["baseUrl"]!.GetValue<string>().ShouldBe("https://partner.shopeemobile.com");
        body["credentialsSet"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["partnerId", "partnerKey", "shopId", "accessToken"]);
        var published = await events.WaitForAsync(e => e.StoreId == id);
        (published.Marketplace, published.Region, published.Version, published.Deleted).ShouldBe((Marketplace.Shopee, "PH", 1L, false));
        published.ProtectedCredentials.ShouldNotContain("key-123");
        var json = factory.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(DataProtectionExtensions.StoreCredentialsPurpose)
            .Unprotect(published.ProtectedCredentials);
        using var credentials = JsonDocument.Parse(json);
        credentials.RootElement.GetProperty("partnerId").GetInt64().ShouldBe(1001);
        credentials.RootElement.GetProperty("partnerKey").GetString().ShouldBe("key-123");
        credentials.RootElement.GetProperty("shopId").GetInt64().ShouldBe(2002);
        credentials.RootElement.GetProperty("accessToken").GetString().ShouldBe("token-456");
    }

    [Theory]
    [InlineData("Lazada", "TH", "https://api.lazada.co.th/rest")]
    [InlineData("lazada", "ph", "https://api.lazada.com.ph/rest")]
    [InlineData("TikTokShop", "MY", "https://open-api.tiktokglobalshop.com")]
    [InlineData("Tokopedia", "ID", "https://open-api.tiktokglobalshop.com")]
    public async Task Store_DefaultBaseUrl_PerMarketplaceAndRegion(string marketplace, string region, string expected)
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var (status, body, raw) = await client.PostJsonAsync("/api/catalog/stores", new
        {
            marketplace,
            name = "Shop",
            region,
            credentials = new { appKey = "k", appSecret = "s", accessToken = "t", shopCipher = "c" },
        });
        status.ShouldBe(HttpStatusCode.Created, raw);
        body!["baseUrl"]!.GetValue<string>().ShouldBe(expected);
    }

    [Fact]
    public async Task Store_MissingCredentialFields_BadRequestNamingEach()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var (status, body, _) = await client.PostJsonAsync("/api/catalog/stores", new { marketplace = "Shopee", name = "S", region = "PH", credentials = new { partnerId = 1, accessToken = "t" } });

        status.ShouldBe(HttpStatusCode.BadRequest);
        var errors = body!["errors"]!.AsObject().Select(e => e.Key).ToList();
        errors.ShouldBe(["credentials.partnerKey", "credentials.shopId"], ignoreOrder: true);

        (status, body, _) = await client.PostJsonAsync("/api/catalog/stores", new { marketplace = "TikTokShop", name = "T", region = "TH", credentials = new { appKey = "k", appSecret = "s", accessToken = "t" } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["credentials.shopCipher"].ShouldNotBeNull();
        (await client.PostJsonAsync("/api/catalog/stores", new { marketplace = "Lazada", name = "L", region = "PH" })).Body!["errors"]!["credentials"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("{\"marketplace\":\"Amazon\",\"name\":\"A\",\"region\":\"US\",\"credentials\":{}}", "marketplace")]
    [InlineData("{\"marketplace\":\"1\",\"name\":\"A\",\"region\":\"US\",\"credentials\":{}}", "marketplace")]
    [InlineData("{\"marketplace\":\"Shopee\",\"name\":\"A\",\"region\":\"PH\",\"baseUrl\":\"ftp://x.example\",\"credentials\":{\"partnerId\":1,\"partnerKey\":\"k\",\"shopId\":2,\"accessToken\":\"t\"}}", "baseUrl")]
    [InlineData("{\"marketplace\":\"Shopee\",\"name\":\"A\",\"region\":\"PH\",\"baseUrl\":\"/relative\",\"credentials\":{\"partnerId\":1,\"partnerKey\":\"k\",\"shopId\":2,\"accessToken\":\"t\"}}", "baseUrl")]
    [InlineData("{\"marketplace\":\"Lazada\",\"name\":\"A\",\"region\":\"US\",\"credentials\":{\"appKey\":\"k\",\"appSecret\":\"s\",\"accessToken\":\"t\"}}", "region")]
    [InlineData("{\"marketplace\":\"Shopee\",\"name\":\"A\",\"region\":\"PH\",\"credentials\":{\"partnerId\":0,\"partnerKey\":\"k\",\"shopId\":2,\"accessToken\":\"t\"}}", "credentials.partnerId")]
    public async Task Store_BadFields_BadRequestNamingField(string json, string field)
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var (status, body, raw) = await client.PostJsonAsync("/api/catalog/stores", json);
        status.ShouldBe(HttpStatusCode.BadRequest, raw);
        body!["errors"]![field].ShouldNotBeNull(raw);
        (await client.GetJsonAsync("/api/catalog/stores")).Body!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Store_IdNotA64BitInteger_BadRequestNamingPath()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var (status, body, _) = await client.PostJsonAsync("/api/catalog/stores", "{\"marketplace\":\"Shopee\",\"name\":\"A\",\"region\":\"PH\",\"credentials\":{\"partnerId\":92233720368547758070,\"partnerKey\":\"k\",\"shopId\":2,\"accessToken\":\"t\"}}");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["detail"]!.GetValue<string>().ShouldContain("partnerId");
    }

    [Fact]
    public async Task Store_Update_ReplacesGivenFieldsAndBumpsVersion()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        await using var events = await BusRecorder<StoreChanged>.StartAsync(factory.Bus);
        var id = await client.CreateStoreAsync(new
        {
            marketplace = "Lazada",
            name = "Lazada PH",
            region = "PH",
            credentials = new { appKey = "k", appSecret = "s", accessToken = "t" },
        });

        var (status, body, raw) = await client.PutJsonAsync($"/api/catalog/stores/{id}", new { region = "SG", platformWarehouseIds = new[] { "WH-1", "WH-2" } });
        status.ShouldBe(HttpStatusCode.OK, raw);
        body!["baseUrl"]!.GetValue<string>().ShouldBe("https://api.lazada.sg/rest", "a store on the default address follows its region");
        body["name"]!.GetValue<string>().ShouldBe("Lazada PH");
        body["version"]!.GetValue<long>().ShouldBe(2);

        (status, body, _) = await client.PutJsonAsync($"/api/catalog/stores/{id}", new { credentials = new { appKey = "k", appSecret = "s", accessToken = "t" } });
        body!["version"]!.GetValue<long>().ShouldBe(2, "the same credentials again change nothing");
        (status, body, _) = await client.PutJsonAsync($"/api/catalog/stores/{id}", new { baseUrl = "http://127.0.0.1:5080/sandbox/lazada", credentials = new { appKey = "k2", appSecret = "s2", accessToken = "t2" } });
        body!["version"]!.GetValue<long>().ShouldBe(3);
        body["baseUrl"]!.GetValue<string>().ShouldBe("http://127.0.0.1:5080/sandbox/lazada");
        (await client.PutJsonAsync($"/api/catalog/stores/{id}", new { marketplace = "Shopee" })).Status.ShouldBe(HttpStatusCode.BadRequest);

        var last = await events.WaitForAsync(e => e.StoreId == id && e.Version == 3);
        last.PlatformWarehouseIds.ShouldBe(["WH-1", "WH-2"]);
        (await client.DeleteJsonAsync($"/api/catalog/stores/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        var deleted = await events.WaitForAsync(e => e.StoreId == id && e.Deleted);
        deleted.Version.ShouldBe(4);
        (await client.GetJsonAsync($"/api/catalog/stores/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Store_ListPages_AndOtherTenantSeesNothing()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await client.CreateStoreAsync(Api.ShopeeStore($"Shop {i}")));
        }

        var first = (await client.GetJsonAsync("/api/catalog/stores?limit=2")).Body!;
        first["items"]!.AsArray().Count.ShouldBe(2);
        var second = (await client.GetJsonAsync($"/api/catalog/stores?limit=2&cursor={first["nextCursor"]!.GetValue<string>()}")).Body!;
        second["nextCursor"].ShouldBeNull();
        first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(s => s!["id"]!.GetValue<Guid>()).ShouldBe(ids);

        var stranger = factory.CreateTenantClient(Guid.NewGuid());
        (await stranger.GetJsonAsync($"/api/catalog/stores/{ids[0]}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PutJsonAsync($"/api/catalog/stores/{ids[0]}", new { name = "x" })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteJsonAsync($"/api/catalog/stores/{ids[0]}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetJsonAsync("/api/catalog/stores")).Body!["items"]!.AsArray().ShouldBeEmpty();
    }
}
