using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class RuleSelectionTests
{
    [Theory]
    [InlineData(1, 5, "first")]
    [InlineData(5, 1, "second")]
    [InlineData(0, -3, "second")]
    public void Selection_TwoRulesDifferentPriority_SmallestPriorityWins(int firstPriority, int secondPriority, string expected)
    {
        var (world, store, storeSku) = World.Single(10);
        world.Rule([store], name: "first", priority: firstPriority);
        world.Rule([store], name: "second", priority: secondPriority, percent: 50);

        world.Decide(storeSku).RuleName.ShouldBe(expected);
    }

    [Fact]
    public void Selection_Priority1AndPriority5ForSameSkuAndStore_Priority1Wins()
    {
        var (world, store, storeSku) = World.Single(10);
        world.Rule([store], name: "five", priority: 5, percent: 50);
        var one = world.Rule([store], name: "one", priority: 1);

        var decision = world.Decide(storeSku);

        decision.RuleId.ShouldBe(one.Id);
        decision.Quantity.ShouldBe(10);
    }

    [Fact]
    public void Selection_SamePriority_EarlierCreatedRuleWins()
    {
        var (world, store, storeSku) = World.Single(10);
        world.Rule([store], name: "later", createdAt: World.T0.AddMinutes(1), percent: 50);
        world.Rule([store], name: "earlier", createdAt: World.T0);

        world.Decide(storeSku).RuleName.ShouldBe("earlier");
    }

    [Fact]
    public void Selection_SamePriorityAndCreatedAt_SmallerIdWins()
    {
        var (world, store, storeSku) = World.Single(10);
        var small = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var large = Guid.Parse("ffffffff-0000-0000-0000-000000000000");
        world.Rule([store], name: "large", id: large);
        world.Rule([store], name: "small", id: small);

        world.Decide(storeSku).RuleId.ShouldBe(small);
    }

    [Fact]
    public void Selection_HigherPriorityRuleDisabled_NextRuleWins()
    {
        var (world, store, storeSku) = World.Single(10);
        world.Rule([store], name: "disabled", priority: 1, enabled: false);
        world.Rule([store], name: "enabled", priority: 2);

        world.Decide(storeSku).RuleName.ShouldBe("enabled");
    }

    [Fact]
    public void Selection_RuleForOtherStore_NoRule()
    {
        var (world, _, storeSku) = World.Single(10);
        var other = world.Store("Other");
        world.Rule([other]);

        var decision = world.Decide(storeSku);

        decision.NoPushReason.ShouldBe(NoPushReason.NoRule);
        decision.Quantity.ShouldBeNull();
        decision.RuleId.ShouldBeNull();
    }

    [Fact]
    public void Selection_HigherPriorityRuleDoesNotCoverSku_CoveringRuleWins()
    {
        var (world, store, storeSku) = World.Single(10);
        world.Sku("SKU-2");
        world.Rule([store], name: "other sku", priority: 1, scope: World.Skus("SKU-2"));
        world.Rule([store], name: "covering", priority: 2, scope: World.Skus("SKU-1"));

        world.Decide(storeSku).RuleName.ShouldBe("covering");
    }

    public static TheoryData<string, bool> ScopeCases => new()
    {
        { "skus: listed", true },
        { "skus: listed with other case and spaces", true },
        { "skus: not listed", false },
        { "stores: mapped in chosen store", true },
        { "stores: mapped only elsewhere", false },
        { "categories: chosen", true },
        { "categories: other", false },
        { "categories: sku without category", false },
        { "all", true },
    };

    [Theory]
    [MemberData(nameof(ScopeCases))]
    public void Selection_ScopeKind_CoversAsDefined(string scopeCase, bool covered)
    {
        var world = new World();
        var store = world.Store("Shop");
        var elsewhere = world.Store("Elsewhere");
        var category = Guid.NewGuid();
        var otherCategory = Guid.NewGuid();
        world.Sku("SKU-1", scopeCase == "categories: sku without category" ? null : category).Level("SKU-1", "WH-A", 4);
        world.Sku("SKU-9", otherCategory);
        var storeSku = world.StoreSku(store, "SKU-1");
        world.StoreSku(elsewhere, "SKU-9");
        var scope = scopeCase switch
        {
            "skus: listed" => World.Skus("SKU-1", "SKU-9"),
            "skus: listed with other case and spaces" => World.Skus("  sku-1 "),
            "skus: not listed" => World.Skus("SKU-9"),
            "stores: mapped in chosen store" => World.OfStores(store),
            "stores: mapped only elsewhere" => World.OfStores(elsewhere),
            "categories: chosen" or "categories: sku without category" => World.Categories(category),
            "categories: other" => World.Categories(otherCategory),
            _ => World.All,
        };
        world.Rule([store], scope: scope);

        var decision = world.Decide(storeSku);

        decision.Pushes.ShouldBe(covered);
        decision.NoPushReason.ShouldBe(covered ? null : NoPushReason.NoRule);
    }

    [Fact]
    public void Selection_MappedCodeDiffersInCaseAndSpaces_MatchesMerchantSku()
    {
        var world = new World();
        var store = world.Store("Shop", Marketplace.Lazada);
        world.Sku("SKU-1").Level(" sku-1", "wh-a ", 6);
        var storeSku = world.StoreSku(store, " Sku-1 ");
        world.Rule([store], warehouses: ["WH-A"]);

        var decision = world.Decide(storeSku);

        decision.MerchantSkuCode.ShouldBe("SKU-1");
        decision.Quantity.ShouldBe(6);
    }
}
