using System.Net;

namespace PushInventory.Mapping.Tests;

public sealed class NormalizationTests(MappingFixture fixture) : IClassFixture<MappingFixture>
{
    [Fact]
    public async Task GetNormalization_NewTenant_NoRulesAndNoAutoMapping()
    {
        var seller = fixture.NewSeller();

        var response = await seller.GetAsync("/api/mapping/normalization");

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain("\"autoMapNewStoreSkus\":false");
        body.ShouldContain("\"ignorePrefix\":null");
        body.ShouldContain("\"replacements\":[]");
    }

    [Fact]
    public async Task PutNormalization_ThenGet_ReturnsWhatWasSaved()
    {
        var seller = fixture.NewSeller();
        (await seller.PutJsonAsync("/api/mapping/normalization", new
        {
            autoMapNewStoreSkus = true,
            ignorePrefix = new { kind = "UpToNthDelimiter", delimiter = "-", occurrence = 2 },
            ignoreSuffix = new { kind = "LastN", count = 2 },
            ignoreCharacters = "_ ",
            replacements = new[] { new { from = "O", to = "0" } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var body = await (await seller.GetAsync("/api/mapping/normalization")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        body.ShouldContain("\"autoMapNewStoreSkus\":true");
        body.ShouldContain("\"kind\":\"UpToNthDelimiter\"");
        body.ShouldContain("\"occurrence\":2");
        body.ShouldContain("\"kind\":\"LastN\"");
        body.ShouldContain("\"ignoreCharacters\":\"_ \"");
        body.ShouldContain("\"from\":\"O\"");
    }

    [Fact]
    public async Task PutNormalization_BadRules_400ListingEveryField()
    {
        var seller = fixture.NewSeller();

        var response = await seller.PutJsonAsync("/api/mapping/normalization", new
        {
            ignorePrefix = new { kind = "FirstN", value = "X" },
            ignoreSuffix = new { value = "X" },
            replacements = new[] { new { from = "", to = "A" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Seller.ReadAsync<ProblemDto>(response)).Errors.ShouldNotBeNull();
        errors.Keys.ShouldBe(["ignorePrefix.count", "ignorePrefix.value", "ignoreSuffix.kind", "replacements[0].from"], ignoreOrder: true);
    }

    [Fact]
    public async Task PutNormalization_UnknownKind_400()
    {
        var seller = fixture.NewSeller();

        var response = await seller.PutJsonAsync("/api/mapping/normalization", new { ignorePrefix = new { kind = "Middle" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TestNormalization_SavedRules_ShowsEachStep()
    {
        var seller = fixture.NewSeller();
        await seller.PutJsonAsync("/api/mapping/normalization", new
        {
            ignorePrefix = new { kind = "Fixed", value = "SHP-" },
            ignoreSuffix = new { kind = "FromNthLastDelimiter", delimiter = "_" },
            ignoreCharacters = "-",
        });

        var result = await Seller.ReadAsync<NormalizationTestDto>(await seller.PostJsonAsync("/api/mapping/normalization/test", new { code = "shp-ab-12_red" }));

        result.Input.ShouldBe("shp-ab-12_red");
        result.Steps.Select(s => (s.Rule, s.Result)).ShouldBe([
            ("ignorePrefix Fixed 'SHP-'", "ab-12_red"),
            ("ignoreSuffix FromNthLastDelimiter '_' #1", "ab-12"),
            ("ignoreCharacters '-'", "ab12"),
            ("trim and upper-case", "AB12")]);
        result.Normalized.ShouldBe("AB12");
    }

    [Fact]
    public async Task TestNormalization_UnsavedSettings_UsesThemNotTheSavedOnes()
    {
        var seller = fixture.NewSeller();

        var result = await Seller.ReadAsync<NormalizationTestDto>(await seller.PostJsonAsync("/api/mapping/normalization/test", new
        {
            code = "XYZ-AB1",
            settings = new { ignorePrefix = new { kind = "FirstN", count = 4 } },
        }));

        result.Normalized.ShouldBe("AB1");
        (await Seller.ReadAsync<NormalizationTestDto>(await seller.PostJsonAsync("/api/mapping/normalization/test", new { code = "XYZ-AB1" }))).Normalized.ShouldBe("XYZ-AB1");
    }

    [Fact]
    public async Task TestNormalization_NoCode_400()
    {
        var seller = fixture.NewSeller();

        (await seller.PostJsonAsync("/api/mapping/normalization/test", new { code = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
