using System.Globalization;
using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

/// <summary>
/// Free plan, one push rule: a tenant downgraded with several rules keeps them, but only the first enabled
/// rule in selection order is in force.
/// </summary>
public sealed class FreePlanRuleLimitTests
{
    /// <summary>
    /// Rules are written "name p{priority} {stores}" with optional "+{minutes}" (created after T0), "off"
    /// (disabled), "id{n}" (id ending in n) and "sku:{code}" (a SKU scope). Stores are X and Y; SKU-1 has a
    /// store SKU in each. Expected: per store, the rule that fires or the reason nothing is pushed.
    /// </summary>
    [Theory]
    [InlineData("only one rule", Plan.Free, "one p1 XY", "one", "one")]
    [InlineData("second rule, other store", Plan.Free, "one p1 X | two p2 Y", "one", "FreePlanRuleLimit")]
    [InlineData("second rule, other store, Basic", Plan.Basic, "one p1 X | two p2 Y", "one", "two")]
    [InlineData("second rule, other store, Pro", Plan.Pro, "one p1 X | two p2 Y", "one", "two")]
    [InlineData("smaller priority is the one in force", Plan.Free, "two p2 X | one p1 Y", "FreePlanRuleLimit", "one")]
    [InlineData("priority 0 in force, the other rule's store gets nothing", Plan.Free, "one p1 XY | two p0 X", "two", "FreePlanRuleLimit")]
    [InlineData("tie: earlier created in force", Plan.Free, "late p1 X +1 | early p1 Y", "FreePlanRuleLimit", "early")]
    [InlineData("tie: smaller id in force", Plan.Free, "big p1 X id9 | small p1 Y id1", "FreePlanRuleLimit", "small")]
    [InlineData("disabled first rule: next enabled in force", Plan.Free, "one p1 X off | two p2 Y | three p3 X", "FreePlanRuleLimit", "two")]
    [InlineData("all but one disabled", Plan.Free, "one p1 XY off | two p2 Y", "NoRule", "two")]
    [InlineData("rule in force does not cover the SKU", Plan.Free, "one p1 XY sku:OTHER | two p2 XY", "FreePlanRuleLimit", "FreePlanRuleLimit")]
    [InlineData("same rules on Basic: second covers the SKU", Plan.Basic, "one p1 XY sku:OTHER | two p2 XY", "two", "two")]
    [InlineData("no rule covers the store at all", Plan.Free, "one p1 X | two p2 X", "one", "NoRule")]
    [InlineData("no rules", Plan.Free, "", "NoRule", "NoRule")]
    public void FreePlan_SeveralRules_OnlyTheFirstEnabledRuleInSelectionOrderFires(
        string scenario, Plan plan, string rules, string expectedInX, string expectedInY)
    {
        var world = new World { Plan = plan };
        var x = world.Store("X");
        var y = world.Store("Y");
        world.Sku("SKU-1").Sku("OTHER").Level("SKU-1", "WH-A", 10).Level("OTHER", "WH-A", 10);
        var inX = world.StoreSku(x, "SKU-1");
        var inY = world.StoreSku(y, "SKU-1");
        foreach (var spec in rules.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddRule(world, spec, x, y);
        }

        var snapshot = world.Snapshot();

        Outcome(PushEngine.Decide(snapshot, inX)).ShouldBe(expectedInX, $"{scenario}: store X");
        Outcome(PushEngine.Decide(snapshot, inY)).ShouldBe(expectedInY, $"{scenario}: store Y");
    }

    [Fact]
    public void FreePlan_SkuOnlyAHeldBackRuleCovers_StepSaysTheFreePlanAllowsOneRule()
    {
        var world = new World { Plan = Plan.Free };
        var x = world.Store("X");
        var y = world.Store("Y");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 10);
        var inY = world.StoreSku(y, "SKU-1");
        world.Rule([x], name: "One", priority: 1);
        world.Rule([y], name: "Two", priority: 2);

        var decision = world.Decide(inY);

        decision.Pushes.ShouldBeFalse();
        decision.Quantity.ShouldBeNull();
        decision.NoPushReason.ShouldBe(NoPushReason.FreePlanRuleLimit);
        decision.RuleId.ShouldBeNull("a rule that is not in force did not fire");
        decision.Steps.Single().Text.ShouldBe("Free plan allows 1 push rule: only 'One' is in force, not 'Two'");
    }

    [Fact]
    public void FreePlan_RuleInForce_DecidesAsOnPaidPlans()
    {
        var world = new World { Plan = Plan.Free };
        var x = world.Store("X");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 10);
        var inX = world.StoreSku(x, "SKU-1");
        world.Rule([x], name: "Two", priority: 2, percent: 200);
        world.Rule([x], name: "One", priority: 1, percent: 50, offset: 1);

        var free = world.Decide(inX);
        world.Plan = Plan.Basic;
        var basic = world.Decide(inX);

        free.RuleName.ShouldBe("One");
        free.Quantity.ShouldBe(6);
        free.Steps.Select(s => s.Text).ShouldBe(basic.Steps.Select(s => s.Text));
    }

    [Fact]
    public void FreePlan_TokopediaStore_StillSaysTokopediaFirst()
    {
        var world = new World { Plan = Plan.Free };
        var x = world.Store("X");
        var toko = world.Store("Toko", Marketplace.Tokopedia);
        world.Sku("SKU-1").Level("SKU-1", "WH-A", 10);
        var inToko = world.StoreSku(toko, "SKU-1");
        world.Rule([x], name: "One", priority: 1);
        world.Rule([toko], name: "Two", priority: 2);

        world.Decide(inToko).NoPushReason.ShouldBe(NoPushReason.FreePlanTokopedia);
    }

    private static string Outcome(PushDecision decision) =>
        decision.Pushes ? decision.RuleName! : decision.NoPushReason!.Value.ToString();

    private static void AddRule(World world, string spec, Guid x, Guid y)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var stores = parts[2].Select(c => c == 'X' ? x : y).ToArray();
        var createdAt = World.T0;
        var enabled = true;
        Guid? id = null;
        RuleScope? scope = null;
        foreach (var option in parts.Skip(3))
        {
            if (option == "off")
            {
                enabled = false;
            }
            else if (option.StartsWith('+'))
            {
                createdAt = World.T0.AddMinutes(int.Parse(option[1..], CultureInfo.InvariantCulture));
            }
            else if (option.StartsWith("id", StringComparison.Ordinal))
            {
                id = Guid.Parse($"00000000-0000-0000-0000-00000000000{option[2..]}");
            }
            else if (option.StartsWith("sku:", StringComparison.Ordinal))
            {
                scope = World.Skus(option[4..]);
            }
            else
            {
                throw new ArgumentException($"Unknown rule option {option} in '{spec}'.", nameof(spec));
            }
        }

        world.Rule(
            stores,
            name: parts[0],
            priority: int.Parse(parts[1][1..], CultureInfo.InvariantCulture),
            scope: scope,
            enabled: enabled,
            createdAt: createdAt,
            id: id);
    }
}
