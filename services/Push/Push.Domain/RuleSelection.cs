namespace PushInventory.Push.Domain;

/// <summary>Which rule applies: the first, in selection order, of the store's enabled rules that covers the merchant SKU.</summary>
internal static class RuleSelection
{
    /// <param name="storeRules">The store's enabled rules, already sorted by <see cref="CompiledRule.CompareBySelectionOrder"/>.</param>
    /// <param name="sku">The mapped merchant SKU.</param>
    public static CompiledRule? Select(CompiledRule[] storeRules, MerchantSku sku)
    {
        foreach (var rule in storeRules)
        {
            if (rule.Covers(sku))
            {
                return rule;
            }
        }

        return null;
    }
}
