using System.Net;

namespace PushInventory.Mapping.Tests;

public sealed class AutoMappingTests(MappingFixture fixture) : IClassFixture<MappingFixture>
{
    [Fact]
    public async Task Auto_WithPrefixSuffixAndCharacterRules_MapsUnmappedAndLeavesMappedAlone()
    {
        var seller = fixture.NewSeller();
        var storeId = Guid.NewGuid();
        var ab = await seller.MerchantSkuAsync("AB12");
        var cd = await seller.MerchantSkuAsync("cd34");
        await seller.MerchantSkuAsync("EF56");
        var prefixed = await seller.StoreSkuAsync(storeId, "shp-AB-12_red");
        var dashed = await seller.StoreSkuAsync(storeId, "CD-34");
        var mapped = await seller.StoreSkuAsync(storeId, "SHP-EF56");
        var stranger = await seller.StoreSkuAsync(storeId, "ZZ99");
        await seller.LinkAsync(mapped, cd);
        (await seller.PutJsonAsync("/api/mapping/normalization", new
        {
            ignorePrefix = new { kind = "Fixed", value = "SHP-" },
            ignoreSuffix = new { kind = "FromNthLastDelimiter", delimiter = "_" },
            ignoreCharacters = "-",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await seller.PostJsonAsync("/api/mapping/auto", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Seller.ReadAsync<AutoDto>(response);
        (result.Scanned, result.Mapped, result.AlreadyMapped, result.NoMatch).ShouldBe((4, 2, 1, 1));
        result.Pairs.Select(p => (p.StoreSkuId, p.MerchantSkuId)).ShouldBe([(prefixed, ab), (dashed, cd)]);
        result.Pairs[0].SellerSku.ShouldBe("shp-AB-12_red");
        result.Pairs[1].MerchantSkuCode.ShouldBe("cd34");
        var links = (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links")).Items.ToDictionary(l => l.StoreSkuId);
        links[mapped].MerchantSkuId.ShouldBe(cd);
        links[mapped].Version.ShouldBe(1);
        links[stranger].MerchantSkuId.ShouldBeNull();
        links[prefixed].ChangedBy.ShouldBe("auto-mapping");
    }

    [Fact]
    public async Task Auto_RunTwice_SecondRunMapsNothing()
    {
        var seller = fixture.NewSeller();
        await seller.MerchantSkuAsync("AB12");
        await seller.StoreSkuAsync(Guid.NewGuid(), " ab12 ");
        (await Seller.ReadAsync<AutoDto>(await seller.PostJsonAsync("/api/mapping/auto", new { }))).Mapped.ShouldBe(1);

        var second = await Seller.ReadAsync<AutoDto>(await seller.PostJsonAsync("/api/mapping/auto", new { }));

        (second.Scanned, second.Mapped, second.AlreadyMapped).ShouldBe((1, 0, 1));
        (await seller.GetJsonAsync<ChangePageDto>("/api/mapping/changes")).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Auto_ForChosenStores_TouchesOnlyThose()
    {
        var seller = fixture.NewSeller();
        var chosen = Guid.NewGuid();
        var other = Guid.NewGuid();
        await seller.MerchantSkuAsync("AB12");
        var inChosen = await seller.StoreSkuAsync(chosen, "AB12");
        var inOther = await seller.StoreSkuAsync(other, "AB12");

        var result = await Seller.ReadAsync<AutoDto>(await seller.PostJsonAsync("/api/mapping/auto", new { storeIds = new[] { chosen } }));

        result.Scanned.ShouldBe(1);
        result.Pairs.ShouldHaveSingleItem().StoreSkuId.ShouldBe(inChosen);
        (await seller.GetJsonAsync<LinkPageDto>("/api/mapping/links?unmappedOnly=true")).Items.ShouldHaveSingleItem().StoreSkuId.ShouldBe(inOther);
    }

    [Fact]
    public async Task Auto_UnknownStoreId_404NamingIt()
    {
        var seller = fixture.NewSeller();
        var unknown = Guid.NewGuid();

        var response = await seller.PostJsonAsync("/api/mapping/auto", new { storeIds = new[] { unknown } });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Seller.ReadAsync<ProblemDto>(response)).Detail.ShouldNotBeNull().ShouldContain(unknown.ToString());
    }
}
