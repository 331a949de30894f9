using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>
/// Everything the engine needs about one tenant, indexed once: codes trimmed and interned
/// case-insensitively, enabled rules grouped by store and sorted into selection order, scopes resolved
/// to sets, and the rules the plan holds back set aside. Immutable; build a new one when the inputs
/// change. Duplicate ids or codes are rejected, so that no decision depends on the order of the inputs.
/// </summary>
public sealed class TenantSnapshot
{
    private static readonly CompiledRule[] NoRules = [];

    private readonly Dictionary<string, int> _codeIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _warehouseIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, CompiledRule[]> _rulesByStore = [];
    private readonly Dictionary<Guid, CompiledRule[]> _heldBackByStore = [];

    /// <summary>Builds the snapshot.</summary>
    /// <param name="plan">The tenant's plan.</param>
    /// <param name="rules">Push rules, enabled or not.</param>
    /// <param name="stores">Stores.</param>
    /// <param name="storeSkus">Store SKUs with their mappings.</param>
    /// <param name="merchantSkus">Merchant SKUs, single and bundle.</param>
    /// <param name="stockLevels">The newest available stock per (merchant SKU, warehouse).</param>
    /// <param name="preOrderStates">Store SKUs' current pre-order state; a missing store SKU is not in pre-order.</param>
    /// <exception cref="ArgumentException">A duplicate id, code or level, or a bundle component quantity below 1.</exception>
    public TenantSnapshot(
        Plan plan,
        IEnumerable<RuleInput> rules,
        IEnumerable<StoreInput> stores,
        IEnumerable<StoreSkuInput> storeSkus,
        IEnumerable<MerchantSkuInput> merchantSkus,
        IEnumerable<StockLevelInput> stockLevels,
        IEnumerable<PreOrderStateInput>? preOrderStates = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(storeSkus);
        ArgumentNullException.ThrowIfNull(merchantSkus);
        ArgumentNullException.ThrowIfNull(stockLevels);

        Plan = plan;
        foreach (var store in stores)
        {
            if (!Stores.TryAdd(store.Id, store))
            {
                throw new ArgumentException($"Store {store.Id} appears twice.", nameof(stores));
            }
        }

        var merchants = IndexMerchantSkus(merchantSkus);
        foreach (var level in stockLevels)
        {
            if (!Stock.TryAdd(CodeId(level.MerchantSkuCode), WarehouseId(level.WarehouseCode), level.Available))
            {
                throw new ArgumentException(
                    $"Stock level ({level.MerchantSkuCode}, {level.WarehouseCode}) appears twice.", nameof(stockLevels));
            }
        }

        var inPreOrder = new HashSet<Guid>();
        var seenStates = new HashSet<Guid>();
        foreach (var state in preOrderStates ?? [])
        {
            if (!seenStates.Add(state.StoreSkuId))
            {
                throw new ArgumentException($"Pre-order state of {state.StoreSkuId} appears twice.", nameof(preOrderStates));
            }

            if (state.InPreOrder)
            {
                inPreOrder.Add(state.StoreSkuId);
            }
        }

        var codesByStore = new Dictionary<Guid, HashSet<int>>();
        foreach (var input in storeSkus)
        {
            var mappedCode = string.IsNullOrWhiteSpace(input.MerchantSkuCode) ? null : input.MerchantSkuCode.Trim();
            MerchantSku? merchant = null;
            if (mappedCode is not null && _codeIds.TryGetValue(mappedCode, out var codeId))
            {
                merchants.TryGetValue(codeId, out merchant);
            }

            var sku = new StoreSku(input.Id, input.StoreId, merchant?.Code ?? mappedCode, merchant, input.ReservedStock, inPreOrder.Contains(input.Id));
            if (!StoreSkus.TryAdd(sku.Id, sku))
            {
                throw new ArgumentException($"Store SKU {sku.Id} appears twice.", nameof(storeSkus));
            }

            if (merchant is not null)
            {
                if (!codesByStore.TryGetValue(sku.StoreId, out var codes))
                {
                    codesByStore[sku.StoreId] = codes = [];
                }

                codes.Add(merchant.CodeId);
            }
        }

        IndexRules(rules, codesByStore);
    }

    /// <summary>The tenant's plan.</summary>
    public Plan Plan { get; }

    internal Dictionary<Guid, StoreInput> Stores { get; } = [];

    internal Dictionary<Guid, StoreSku> StoreSkus { get; } = [];

    internal StockTable Stock { get; } = new();

    /// <summary>The rules in force that include the store, in selection order.</summary>
    internal CompiledRule[] RulesFor(Guid storeId) => _rulesByStore.GetValueOrDefault(storeId) ?? NoRules;

    /// <summary>
    /// The enabled rules that include the store but are not in force because the plan allows fewer rules
    /// (Free: only the first enabled rule in selection order), in selection order.
    /// </summary>
    internal CompiledRule[] HeldBackRulesFor(Guid storeId) => _heldBackByStore.GetValueOrDefault(storeId) ?? NoRules;

    /// <summary>The rule in force on the Free plan, when the plan held other enabled rules back.</summary>
    internal CompiledRule? FreePlanRule { get; private set; }

    private Dictionary<int, MerchantSku> IndexMerchantSkus(IEnumerable<MerchantSkuInput> merchantSkus)
    {
        var merchants = new Dictionary<int, MerchantSku>();
        foreach (var input in merchantSkus)
        {
            var components = input.Components is { Count: > 0 } parts
                ? parts.Select(part => part.Quantity >= 1
                    ? new ComponentRef(CodeId(part.Code), part.Quantity)
                    : throw new ArgumentException($"Component {part.Code} of {input.Code} has quantity {part.Quantity}.", nameof(merchantSkus))).ToArray()
                : [];
            var code = input.Code.Trim();
            var sku = new MerchantSku(CodeId(code), code, input.CategoryId, components);
            if (!merchants.TryAdd(sku.CodeId, sku))
            {
                throw new ArgumentException($"Merchant SKU {code} appears twice.", nameof(merchantSkus));
            }
        }

        return merchants;
    }

    private void IndexRules(IEnumerable<RuleInput> rules, Dictionary<Guid, HashSet<int>> codesByStore)
    {
        var enabled = new List<(CompiledRule Rule, IEnumerable<Guid> StoreIds)>();
        var ruleIds = new HashSet<Guid>();
        foreach (var input in rules)
        {
            if (!ruleIds.Add(input.Id))
            {
                throw new ArgumentException($"Rule {input.Id} appears twice.", nameof(rules));
            }

            if (input.Enabled)
            {
                enabled.Add((Compile(input, codesByStore), input.StoreIds.Distinct()));
            }
        }

        // A tenant downgraded to Free keeps the rules it had; only one of them may push. Choosing it here,
        // once per snapshot, leaves the per-SKU path as it is on the other plans.
        CompiledRule? inForce = null;
        if (Plan == Plan.Free && enabled.Count > 1)
        {
            inForce = enabled.Select(e => e.Rule).Min(Comparer<CompiledRule>.Create(CompiledRule.CompareBySelectionOrder));
            FreePlanRule = inForce;
        }

        var byStore = new Dictionary<Guid, List<CompiledRule>>();
        var heldBack = new Dictionary<Guid, List<CompiledRule>>();
        foreach (var (rule, storeIds) in enabled)
        {
            var target = inForce is null || ReferenceEquals(rule, inForce) ? byStore : heldBack;
            foreach (var storeId in storeIds)
            {
                if (!target.TryGetValue(storeId, out var list))
                {
                    target[storeId] = list = [];
                }

                list.Add(rule);
            }
        }

        Sort(byStore, _rulesByStore);
        Sort(heldBack, _heldBackByStore);
    }

    private static void Sort(Dictionary<Guid, List<CompiledRule>> source, Dictionary<Guid, CompiledRule[]> target)
    {
        foreach (var (storeId, list) in source)
        {
            var sorted = list.ToArray();
            Array.Sort(sorted, CompiledRule.CompareBySelectionOrder);
            target[storeId] = sorted;
        }
    }

    private CompiledRule Compile(RuleInput input, Dictionary<Guid, HashSet<int>> codesByStore)
    {
        var warehouseCodes = input.WarehouseCodes.Select(code => code.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        HashSet<int>? coveredCodes = null;
        HashSet<Guid>? coveredCategories = null;
        switch (input.Scope.Kind)
        {
            case RuleScopeKind.Skus:
                coveredCodes = [.. input.Scope.MerchantSkuCodes.Select(CodeId)];
                break;
            case RuleScopeKind.Stores:
                coveredCodes = [];
                foreach (var storeId in input.Scope.StoreIds)
                {
                    if (codesByStore.TryGetValue(storeId, out var codes))
                    {
                        coveredCodes.UnionWith(codes);
                    }
                }

                break;
            case RuleScopeKind.Categories:
                coveredCategories = [.. input.Scope.CategoryIds];
                break;
            case RuleScopeKind.All:
            default:
                break;
        }

        return new CompiledRule
        {
            Id = input.Id,
            Name = input.Name,
            Priority = input.Priority,
            CreatedAt = input.CreatedAt,
            ScopeKind = input.Scope.Kind,
            CoveredCodes = coveredCodes,
            CoveredCategories = coveredCategories,
            WarehouseIds = [.. warehouseCodes.Select(WarehouseId)],
            WarehouseCodes = warehouseCodes,
            Formula = input.Quantity,
            SellOut = input.AboutToSellOut,
            PreOrder = input.PreOrder,
        };
    }

    private int CodeId(string code) => Intern(_codeIds, code);

    private int WarehouseId(string code) => Intern(_warehouseIds, code);

    private static int Intern(Dictionary<string, int> ids, string code)
    {
        var trimmed = code.Trim();
        if (!ids.TryGetValue(trimmed, out var id))
        {
            id = ids.Count;
            ids[trimmed] = id;
        }

        return id;
    }
}
