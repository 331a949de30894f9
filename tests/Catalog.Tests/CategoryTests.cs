using System.Net;
using PushInventory.Contracts;
using PushInventory.TestSupport;

namespace PushInventory.Catalog.Tests;

public sealed class CategoryTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task Categories_CreateRenameDelete_PublishVersions()
    {
        var tenant = Guid.NewGuid();
        var client = factory.CreateTenantClient(tenant);
        await using var events = await BusRecorder<CategoryChanged>.StartAsync(factory.Bus);

        var (status, body, raw) = await client.PostJsonAsync("/api/catalog/categories", new { name = "  Shirts " });
        status.ShouldBe(HttpStatusCode.Created, raw);
        var id = body!["id"]!.GetValue<Guid>();
        body["name"]!.GetValue<string>().ShouldBe("Shirts");

        (status, _, raw) = await client.PutJsonAsync($"/api/catalog/categories/{id}", new { name = "Tops" });
        status.ShouldBe(HttpStatusCode.OK, raw);
        (status, body, _) = await client.GetJsonAsync("/api/catalog/categories");
        body!["items"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["Tops"]);

        (status, _, raw) = await client.DeleteJsonAsync($"/api/catalog/categories/{id}");
        status.ShouldBe(HttpStatusCode.NoContent, raw);

        var deleted = await events.WaitForAsync(e => e.CategoryId == id && e.Deleted);
        deleted.Version.ShouldBe(3);
        events.Messages.Where(e => e.CategoryId == id).Select(e => (e.Name, e.Version)).OrderBy(e => e.Version)
            .ShouldBe([("Shirts", 1L), ("Tops", 2L), ("Tops", 3L)]);
    }

    [Fact]
    public async Task Categories_DuplicateNameIgnoringCaseAndSpaces_Conflict()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        (await client.PostJsonAsync("/api/catalog/categories", new { name = "Shoes" })).Status.ShouldBe(HttpStatusCode.Created);
        var other = (await client.PostJsonAsync("/api/catalog/categories", new { name = "Bags" })).Body!["id"]!.GetValue<Guid>();

        (await client.PostJsonAsync("/api/catalog/categories", new { name = " shoes " })).Status.ShouldBe(HttpStatusCode.Conflict);
        (await client.PutJsonAsync($"/api/catalog/categories/{other}", new { name = "SHOES" })).Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Categories_BadNames_BadRequest()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        (await client.PostJsonAsync("/api/catalog/categories", new { name = "" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostJsonAsync("/api/catalog/categories", new { name = new string('x', 101) })).Status.ShouldBe(HttpStatusCode.BadRequest);
        var (status, body, _) = await client.PostJsonAsync("/api/catalog/categories", new { name = "a\u0001b" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]!["name"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Categories_DeleteWhileUsed_Conflict()
    {
        var client = factory.CreateTenantClient(Guid.NewGuid());
        var id = (await client.PostJsonAsync("/api/catalog/categories", new { name = "Toys" })).Body!["id"]!.GetValue<Guid>();
        await client.CreateSkuAsync("TOY-1", categoryId: id);

        var (status, body, _) = await client.DeleteJsonAsync($"/api/catalog/categories/{id}");

        status.ShouldBe(HttpStatusCode.Conflict);
        body!["detail"]!.GetValue<string>().ShouldContain("used by 1 merchant SKU");
    }

    [Fact]
    public async Task Categories_OtherTenant_NotFoundLikeUnknown()
    {
        var owner = factory.CreateTenantClient(Guid.NewGuid());
        var stranger = factory.CreateTenantClient(Guid.NewGuid());
        var id = (await owner.PostJsonAsync("/api/catalog/categories", new { name = "Mine" })).Body!["id"]!.GetValue<Guid>();

        (await stranger.PutJsonAsync($"/api/catalog/categories/{id}", new { name = "Yours" })).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteJsonAsync($"/api/catalog/categories/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetJsonAsync("/api/catalog/categories")).Body!["items"]!.AsArray().ShouldBeEmpty();
        (await owner.GetJsonAsync($"/api/catalog/categories/{id}")).Status.ShouldBe(HttpStatusCode.OK);
    }
}
