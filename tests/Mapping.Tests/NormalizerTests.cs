using PushInventory.Mapping.Domain;

namespace PushInventory.Mapping.Tests;

public sealed class NormalizerTests
{
    static readonly NormalizationRules None = NormalizationRules.None;

    static NormalizationRules Prefix(PrefixRule rule) => None with { IgnorePrefix = rule };

    static NormalizationRules Suffix(SuffixRule rule) => None with { IgnoreSuffix = rule };

    static readonly Dictionary<string, (NormalizationRules Rules, string Input, string Expected)> Cases = new()
    {
        ["no rules: trim and upper-case"] = (None, "  ab-1 ", "AB-1"),
        ["prefix fixed"] = (Prefix(new(PrefixKind.Fixed, Value: "SHP-")), "SHP-AB1", "AB1"),
        ["prefix fixed ignores case"] = (Prefix(new(PrefixKind.Fixed, Value: "shp-")), "Shp-ab1", "AB1"),
        ["prefix fixed absent leaves code"] = (Prefix(new(PrefixKind.Fixed, Value: "SHP-")), "LZ-AB1", "LZ-AB1"),
        ["prefix first N"] = (Prefix(new(PrefixKind.FirstN, Count: 3)), "XYZAB1", "AB1"),
        ["prefix first N on a short code is skipped"] = (Prefix(new(PrefixKind.FirstN, Count: 3)), "AB", "AB"),
        ["prefix up to 1st delimiter"] = (Prefix(new(PrefixKind.UpToNthDelimiter, Delimiter: "-", Occurrence: 1)), "PH-AB-1", "AB-1"),
        ["prefix up to 2nd delimiter"] = (Prefix(new(PrefixKind.UpToNthDelimiter, Delimiter: "-", Occurrence: 2)), "PH-SHOP-AB1", "AB1"),
        ["prefix up to 2nd delimiter, only one there"] = (Prefix(new(PrefixKind.UpToNthDelimiter, Delimiter: "-", Occurrence: 2)), "PH-AB1", "PH-AB1"),
        ["prefix multi-character delimiter"] = (Prefix(new(PrefixKind.UpToNthDelimiter, Delimiter: "::")), "SHOP::AB1", "AB1"),
        ["suffix fixed"] = (Suffix(new(SuffixKind.Fixed, Value: "-RED")), "AB1-red", "AB1"),
        ["suffix last N"] = (Suffix(new(SuffixKind.LastN, Count: 2)), "AB1XL", "AB1"),
        ["suffix from last delimiter"] = (Suffix(new(SuffixKind.FromNthLastDelimiter, Delimiter: "_", Occurrence: 1)), "AB1_RED_XL", "AB1_RED"),
        ["suffix from 2nd last delimiter"] = (Suffix(new(SuffixKind.FromNthLastDelimiter, Delimiter: "_", Occurrence: 2)), "AB1_RED_XL", "AB1"),
        ["suffix from 3rd last delimiter, only two there"] = (Suffix(new(SuffixKind.FromNthLastDelimiter, Delimiter: "_", Occurrence: 3)), "AB1_RED_XL", "AB1_RED_XL"),
        ["ignore characters"] = (None with { IgnoreCharacters = "-_ " }, "A B-1_2", "AB12"),
        ["ignore characters ignores case"] = (None with { IgnoreCharacters = "x" }, "AXBx1", "AB1"),
        ["replacement"] = (None with { Replacements = [new("O", "0")] }, "ABO1", "AB01"),
        ["replacements run in order"] = (None with { Replacements = [new("-", "_"), new("_", "")] }, "A-B_C", "ABC"),
        ["combination"] = (new NormalizationRules(new(PrefixKind.Fixed, Value: "SHP-"), new(SuffixKind.LastN, Count: 2), "-", [new("O", "0")]), " shp-AB-O1XL ", "AB01"),
        ["a prefix that would empty the code is skipped"] = (Prefix(new(PrefixKind.Fixed, Value: "SHP-")), "SHP-", "SHP-"),
        ["a suffix that would empty the code is skipped"] = (Suffix(new(SuffixKind.FromNthLastDelimiter, Delimiter: "-")), "-AB", "-AB"),
        ["ignoring every character is skipped"] = (None with { IgnoreCharacters = "-" }, "---", "---"),
        ["skipping one step still runs the next"] = (new NormalizationRules(new(PrefixKind.FirstN, Count: 5), null, "-", []), "AB-1", "AB1"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Normalize_Case_GivesExpectedKey(string name)
    {
        var (rules, input, expected) = Cases[name];

        new Normalizer(rules).Normalize(input).ShouldBe(expected);
    }

    [Fact]
    public void Explain_EveryRule_GivesOneStepEachInOrder()
    {
        var rules = new NormalizationRules(new(PrefixKind.Fixed, Value: "SHP-"), new(SuffixKind.Fixed, Value: "-XL"), "_", [new("O", "0")]);

        var result = new Normalizer(rules).Explain("shp-A_BO-xl");

        result.Input.ShouldBe("shp-A_BO-xl");
        result.Steps.Select(s => s.Rule).ShouldBe(["ignorePrefix Fixed 'SHP-'", "ignoreSuffix Fixed '-XL'", "ignoreCharacters '_'", "replace 'O' with '0'", "trim and upper-case"]);
        result.Steps.Select(s => s.Result).ShouldBe(["A_BO-xl", "A_BO", "ABO", "AB0", "AB0"]);
        result.Normalized.ShouldBe("AB0");
    }

    [Fact]
    public void Explain_RuleWithoutMatchOrEmptying_SaysWhy()
    {
        var rules = new NormalizationRules(new(PrefixKind.Fixed, Value: "SHP-"), new(SuffixKind.LastN, Count: 9), null, []);

        var steps = new Normalizer(rules).Explain("AB1").Steps;

        steps[0].Note.ShouldNotBeNull().ShouldContain("no match");
        steps[1].Note.ShouldNotBeNull().ShouldContain("empty");
        steps[1].Result.ShouldBe("AB1");
    }

    [Fact]
    public void Rules_JsonRoundTrip_KeepsEveryRule()
    {
        var rules = new NormalizationRules(new(PrefixKind.UpToNthDelimiter, Delimiter: "-", Occurrence: 2), new(SuffixKind.LastN, Count: 2), "-_ ", [new("O", "0")]);

        var back = NormalizationRules.FromJson(rules.ToJson());

        back.IgnorePrefix.ShouldBe(rules.IgnorePrefix);
        back.IgnoreSuffix.ShouldBe(rules.IgnoreSuffix);
        back.IgnoreCharacters.ShouldBe("-_ ");
        back.Replacements.ShouldBe(rules.Replacements);
    }
}
