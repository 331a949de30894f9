using System.Net;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Catalog.Tests;

public sealed class MerchantSkuTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task MerchantSku_CreateUpdateDelete_PublishesFullStateWithVersions()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        await using var events = await BusRecorder<MerchantSkuChanged>.StartAsync(factory.Bus);
        var category = (await client.PostJsonAsync("/api/catalog/categories", new { name = "Cups" })).Body!["id"]!.GetValue<Guid>();

        var (status, body, raw) = await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = " cup-1 ", name = "Cup", categoryId = category });
        status.ShouldBe(HttpStatusCode.Created, raw);
        var id = body!["id"]!.GetValue<Guid>();
        body["code"]!.GetValue<string>().ShouldBe("cup-1");
        body["kind"]!.GetValue<string>().ShouldBe("Single");
        body["version"]!.GetValue<long>().ShouldBe(1);

        (status, body, raw) = await client.PutJsonAsync($"/api/catalog/merchant-skus/{id}", new { name = "Blue cup" });
        status.ShouldBe(HttpStatusCode.OK, raw);
        body!["version"]!.GetValue<long>().ShouldBe(2);
        body["categoryId"].ShouldBeNull();

        (status, body, _) = await client.PutJsonAsync($"/api/catalog/merchant-skus/{id}", new { name = "Blue cup" });
        body!["version"]!.GetValue<long>().ShouldBe(2, "an identical PUT changes nothing");

        (await client.GetJsonAsync($"/api/catalog/merchant-skus/{id}")).Body!["name"]!.GetValue<string>().ShouldBe("Blue cup");
        (await client.DeleteJsonAsync($"/api/catalog/merchant-skus/{id}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetJsonAsync($"/api/catalog/merchant-skus/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var deleted = await events.WaitForAsync(e => e.MerchantSkuId == id && e.Deleted);
        deleted.Version.ShouldBe(3);
        var versions = events.Messages.Where(e => e.MerchantSkuId == id).OrderBy(e => e.Version).ToList();
        versions.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        versions[0].CategoryId.ShouldBe(category);
        versions[0].Code.ShouldBe("cup-1");
        versions[1].Name.ShouldBe("Blue cup");
    }

    [Fact]
    public async Task MerchantSku_Bundle_CarriesComponentIdsAndCodes()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        await using var events = await BusRecorder<MerchantSkuChanged>.StartAsync(factory.Bus);
        var a = await client.CreateSkuAsync("A");
        var b = await client.CreateSkuAsync("B");

        var (status, body, raw) = await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = "PACK", components = new[] { new { code = "a", quantity = 2 }, new { code = "B", quantity = 1 } } });

        status.ShouldBe(HttpStatusCode.Created, raw);
        var bundle = body!["id"]!.GetValue<Guid>();
        body["kind"]!.GetValue<string>().ShouldBe("Bundle");
        var published = await events.WaitForAsync(e => e.MerchantSkuId == bundle);
        published.IsBundle.ShouldBeTrue();
        published.Components.ShouldBe([new BundleComponent(a, "A", 2), new BundleComponent(b, "B", 1)]);

        (status, body, raw) = await client.PutJsonAsync($"/api/catalog/merchant-skus/{bundle}", new { name = "Pack", components = new[] { new { code = "B", quantity = 3 } } });
        status.ShouldBe(HttpStatusCode.OK, raw);
        var changed = await events.WaitForAsync(e => e.MerchantSkuId == bundle && e.Version == 2);
        changed.Components.ShouldBe([new BundleComponent(b, "B", 3)]);
        (await client.DeleteJsonAsync($"/api/catalog/merchant-skus/{a}")).Status.ShouldBe(HttpStatusCode.NoContent, "A is no longer in the bundle");
    }

    [Fact]
    public async Task MerchantSku_BadBundles_BadRequestNamingEachComponent()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        await client.CreateSkuAsync("ONE");
        await client.CreateSkuAsync("INNER", [new { code = "ONE", quantity = 1 }]);

        var (status, body, _) = await client.PostJsonAsync("/api/catalog/merchant-skus", new
        {
            code = "OUTER",
            components = new object[]
            {
                new { code = "outer", quantity = 1 },
                new { code = "INNER", quantity = 1 },
                new { code = "NOPE", quantity = 1 },
                new { code = "ONE", quantity = 0 },
                new { code = " one", quantity = 10_001 },
            },
        });

        status.ShouldBe(HttpStatusCode.BadRequest);
        var errors = body!["errors"]!;
        errors["components[0].code"]![0]!.GetValue<string>().ShouldContain("itself");
        errors["components[3].quantity"].ShouldNotBeNull();
        errors["components[4].code"]![0]!.GetValue<string>().ShouldContain("already listed");
        errors["components[4].quantity"].ShouldNotBeNull();
        (await client.GetJsonAsync("/api/catalog/merchant-skus?codePrefix=OUTER")).Body!["items"]!.AsArray().ShouldBeEmpty();

        (status, body, _) = await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = "OUTER", components = new[] { new { code = "INNER", quantity = 1 }, new { code = "NOPE", quantity = 1 } } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["components[0].code"]![0]!.GetValue<string>().ShouldContain("another bundle");
        body["errors"]!["components[1].code"]![0]!.GetValue<string>().ShouldContain("No merchant SKU");

        (await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = "EMPTY", components = Array.Empty<object>() })).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    [InlineData("new\nline")]
    public async Task MerchantSku_BadCode_BadRequest(string code)
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var (status, body, _) = await client.PostJsonAsync("/api/catalog/merchant-skus", new { code, name = "x" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["code"].ShouldNotBeNull();
    }

    [Fact]
    public async Task MerchantSku_CodeLength_100AllowedAnd101Refused()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        (await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = new string('a', 100) })).Status.ShouldBe(HttpStatusCode.Created);
        (await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = new string('b', 101) })).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MerchantSku_DuplicateCodeTrimmedAnyCase_Conflict()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        await client.CreateSkuAsync("Mug-9");
        var (status, body, _) = await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = "  MUG-9 " });
        status.ShouldBe(HttpStatusCode.Conflict);
        body!["detail"]!.GetValue<string>().ShouldContain("already exists");
        (await factory.CreateTenantClient(Guid.NewGuid()).PostJsonAsync("/api/catalog/merchant-skus", new { code = "MUG-9" })).Status.ShouldBe(HttpStatusCode.Created, "codes are unique per tenant only");
    }

    [Fact]
    public async Task MerchantSku_ChangeCodeOrKind_BadRequest()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var id = await client.CreateSkuAsync("FIXED");
        await client.CreateSkuAsync("PART");

        var (status, body, _) = await client.PutJsonAsync($"/api/catalog/merchant-skus/{id}", new { code = "OTHER", name = "x" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["code"].ShouldNotBeNull();
        (await client.PutJsonAsync($"/api/catalog/merchant-skus/{id}", new { code = " fixed ", name = "same code" })).Status.ShouldBe(HttpStatusCode.OK);
        (await client.PutJsonAsync($"/api/catalog/merchant-skus/{id}", new { components = new[] { new { code = "PART", quantity = 1 } } })).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MerchantSku_List_FiltersAndPagesByCode()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var category = (await client.PostJsonAsync("/api/catalog/categories", new { name = "Hats" })).Body!["id"]!.GetValue<Guid>();
        foreach (var code in new[] { "HAT-3", "hat-1", "HAT-2", "CAP-1" })
        {
            await client.CreateSkuAsync(code, categoryId: code.StartsWith("HAT-3", StringComparison.Ordinal) ? category : null);
        }

        await client.CreateSkuAsync("HAT-BOX", [new { code = "HAT-2", quantity = 2 }]);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var (status, body, raw) = await client.GetJsonAsync($"/api/catalog/merchant-skus?codePrefix=hat&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            status.ShouldBe(HttpStatusCode.OK, raw);
            body!["items"]!.AsArray().Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(body["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
            cursor = body["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        seen.ShouldBe(["hat-1", "HAT-2", "HAT-3", "HAT-BOX"]);
        (await client.GetJsonAsync("/api/catalog/merchant-skus?kind=Bundle")).Body!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ShouldBe(["HAT-BOX"]);
        (await client.GetJsonAsync($"/api/catalog/merchant-skus?categoryId={category}")).Body!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ShouldBe(["HAT-3"]);
        (await client.GetJsonAsync("/api/catalog/merchant-skus?kind=Triple")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetJsonAsync("/api/catalog/merchant-skus?cursor=not-a-cursor")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetJsonAsync("/api/catalog/merchant-skus?limit=0")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MerchantSku_DeleteWhileInBundle_Conflict()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var part = await client.CreateSkuAsync("PART-1");
        await client.CreateSkuAsync("SET-1", [new { code = "PART-1", quantity = 4 }]);

        var (status, body, _) = await client.DeleteJsonAsync($"/api/catalog/merchant-skus/{part}");

        status.ShouldBe(HttpStatusCode.Conflict);
        body!["detail"]!.GetValue<string>().ShouldContain("SET-1");
    }

    [Fact]
    public async Task MerchantSku_DeleteWhileMapped_ConflictUntilUnmapped()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        var sku = await client.CreateSkuAsync("MAPPED-1");
        var store = await client.CreateStoreAsync();
        var storeSku = (await client.AddShopeeSkusAsync(store, (11, "MAPPED-1")))[0];

        await factory.Bus.Publish(new MappingChanged(tenant, storeSku, store, null, sku, "MAPPED-1", 1, "test", DateTime.UtcNow), TestContext.Current.CancellationToken);
        await factory.WaitForDbAsync(db => db.MappedStoreSkus.AnyAsync(m => m.StoreSkuId == storeSku && m.MerchantSkuId == sku), "the mapping to apply");

        var (status, body, _) = await client.DeleteJsonAsync($"/api/catalog/merchant-skus/{sku}");
        status.ShouldBe(HttpStatusCode.Conflict);
        body!["detail"]!.GetValue<string>().ShouldContain("mapped");

        await factory.Bus.Publish(new MappingChanged(tenant, storeSku, store, sku, null, null, 2, "test", DateTime.UtcNow), TestContext.Current.CancellationToken);
        await factory.WaitForDbAsync(db => db.MappedStoreSkus.AnyAsync(m => m.StoreSkuId == storeSku && m.Version == 2), "the unmapping to apply");
        await factory.Bus.Publish(new MappingChanged(tenant, storeSku, store, null, sku, "MAPPED-1", 1, "test", DateTime.UtcNow), TestContext.Current.CancellationToken);

        // The stale version 1 arriving again must not bring the mapping back.
        await using var recorder = await BusRecorder<MerchantSkuChanged>.StartAsync(factory.Bus);
        (await client.DeleteJsonAsync($"/api/catalog/merchant-skus/{sku}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await recorder.WaitForAsync(e => e.MerchantSkuId == sku && e.Deleted)).Version.ShouldBe(2);
    }

    [Fact]
    public async Task MerchantSku_OtherTenantsIds_NotFoundLikeUnknown()
    {
        var owner = factory.CreateTenantClient(Guid.NewGuid());
        var stranger = factory.CreateTenantClient(Guid.NewGuid());
        var id = await owner.CreateSkuAsync("SECRET-SKU");

        var get = await stranger.GetJsonAsync($"/api/catalog/merchant-skus/{id}");
        var unknown = await stranger.GetJsonAsync($"/api/catalog/merchant-skus/{Guid.NewGuid()}");
        get.Status.ShouldBe(HttpStatusCode.NotFound);
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PutJsonAsync($"/api/catalog/merchant-skus/{id}", new { name = "x" })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteJsonAsync($"/api/catalog/merchant-skus/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostJsonAsync("/api/catalog/merchant-skus", new { code = "B", components = new[] { new { code = "SECRET-SKU", quantity = 1 } } })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await owner.GetJsonAsync($"/api/catalog/merchant-skus/{id}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MerchantSku_UnknownCategory_BadRequest()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var (status, body, _) = await client.PostJsonAsync("/api/catalog/merchant-skus", new { code = "X1", categoryId = Guid.NewGuid() });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["categoryId"].ShouldNotBeNull();
    }
}
