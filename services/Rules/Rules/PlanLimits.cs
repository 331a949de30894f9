using PushInventory.Contracts;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules;

/// <summary>What a plan allows rules to be. Free: one rule, no Tokopedia stores; Basic and Pro: no limits.</summary>
internal static class PlanLimits
{
    /// <summary>Every limit the rule would break, or an empty list.</summary>
    /// <param name="plan">The tenant's plan.</param>
    /// <param name="rulesAfter">How many rules the tenant would have (only for a creation).</param>
    /// <param name="stores">The stores the rule pushes to.</param>
    public static IReadOnlyList<string> Violations(Plan plan, int? rulesAfter, IEnumerable<Store> stores)
    {
        if (plan != Plan.Free)
        {
            return [];
        }

        var violations = new List<string>();
        if (rulesAfter > RuleLimits.FreePlanRules)
        {
            violations.Add($"Free plan allows {RuleLimits.FreePlanRules} push rule; this account already has {rulesAfter - 1}. Upgrade to Basic for more rules.");
        }

        var tokopedia = stores.Where(s => s.Marketplace == Marketplace.Tokopedia).ToList();
        if (tokopedia.Count > 0)
        {
            violations.Add($"Free plan cannot push to Tokopedia stores: {string.Join(", ", tokopedia.Select(RuleValidator.Describe))}. Upgrade to Basic or remove them from the rule.");
        }

        return violations;
    }
}
