using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>The rule engine: decides, per store SKU, which rule fires and what quantity is pushed.</summary>
public static class PushEngine
{
    private static readonly string[] NoWarehouses = [];

    /// <summary>Decides what to push to each of the given store SKUs, in their order.</summary>
    /// <remarks>
    /// For one store SKU mapped to merchant SKU M in store S, in this order:
    /// <list type="number">
    /// <item>Store SKU or its store not in the snapshot: no push (<see cref="NoPushReason.UnknownStoreSku"/>).</item>
    /// <item>Free plan and S is a Tokopedia store: no push (<see cref="NoPushReason.FreePlanTokopedia"/>).</item>
    /// <item>Not mapped to a known merchant SKU: no push (<see cref="NoPushReason.NotMapped"/>).</item>
    /// <item>Rule: among the enabled rules that include S and cover M, the smallest priority, then the
    /// earliest CreatedAt, then the smallest id. On the Free plan only one rule is in force: the first enabled
    /// rule in that order; a SKU covered here only by the others gets no push (<see cref="NoPushReason.FreePlanRuleLimit"/>).
    /// None: no push (<see cref="NoPushReason.NoRule"/>).</item>
    /// <item>A: available stock of M summed over the rule's warehouses (a bundle: per warehouse
    /// floor(min of component available / quantity), summed). No level ever received in those
    /// warehouses (for a bundle: for some component): no push (<see cref="NoPushReason.UnknownStock"/>).</item>
    /// <item>Buffer: A' = max(0, A - buffer).</item>
    /// <item>Formula: A' x P / 100 + N, in decimal.</item>
    /// <item>Round: Down (default), Up or Nearest (x.5 up); never negative.</item>
    /// <item>About to sell out: when raw A &lt; T, stores other than the designated one get 0.</item>
    /// <item>Pre-order (Shopee stores only): hysteresis on raw A against X and Z with the current state;
    /// while on, + Y. A store zeroed by the previous step gets no Y and its pre-order is switched off.</item>
    /// <item>Cap: at most the rule's max, when set (so pre-order stock is capped too).</item>
    /// <item>Reserved floor: never below the store SKU's promotion-reserved stock, never negative.
    /// This is last, so it wins over the cap.</item>
    /// </list>
    /// </remarks>
    /// <param name="snapshot">The tenant's indexed data.</param>
    /// <param name="storeSkuIds">The store SKUs to decide for.</param>
    /// <returns>One decision per store SKU id, in the same order.</returns>
    public static IReadOnlyList<PushDecision> Decide(TenantSnapshot snapshot, IEnumerable<Guid> storeSkuIds)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(storeSkuIds);

        var decisions = storeSkuIds.TryGetNonEnumeratedCount(out var count) ? new List<PushDecision>(count) : [];
        foreach (var storeSkuId in storeSkuIds)
        {
            decisions.Add(Decide(snapshot, storeSkuId));
        }

        return decisions;
    }

    /// <summary>Decides what to push to one store SKU; see <see cref="Decide(TenantSnapshot, IEnumerable{Guid})"/>.</summary>
    public static PushDecision Decide(TenantSnapshot snapshot, Guid storeSkuId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);

        if (!snapshot.StoreSkus.TryGetValue(storeSkuId, out var sku))
        {
            return NoPush(storeSkuId, Guid.Empty, null, false, null, NoPushReason.UnknownStoreSku, "store SKU not in snapshot");
        }

        if (!snapshot.Stores.TryGetValue(sku.StoreId, out var store))
        {
            return NoPush(sku, null, NoPushReason.UnknownStoreSku, "store not in snapshot");
        }

        if (snapshot.Plan == Plan.Free && store.Marketplace == Marketplace.Tokopedia)
        {
            return NoPush(sku, null, NoPushReason.FreePlanTokopedia, "Free plan: no pushes to Tokopedia stores");
        }

        if (sku.Merchant is not { } merchant)
        {
            return NoPush(sku, null, NoPushReason.NotMapped, sku.MappedCode is null ? "not mapped" : $"mapped to unknown merchant SKU {sku.MappedCode}");
        }

        if (RuleSelection.Select(snapshot.RulesFor(store.Id), merchant) is not { } rule)
        {
            return snapshot.FreePlanRule is { } inForce && RuleSelection.Select(snapshot.HeldBackRulesFor(store.Id), merchant) is { } heldBack
                ? NoPush(sku, null, NoPushReason.FreePlanRuleLimit, $"Free plan allows 1 push rule: only '{inForce.Name}' is in force, not '{heldBack.Name}'")
                : NoPush(sku, null, NoPushReason.NoRule, "no enabled rule covers the SKU and includes the store");
        }

        if (Availability.Compute(merchant, rule.WarehouseIds, snapshot.Stock) is not { } available)
        {
            return NoPush(sku, rule, NoPushReason.UnknownStock, $"available unknown over {string.Join(',', rule.WarehouseCodes)}");
        }

        var formula = rule.Formula;
        var afterBuffer = Formula.AfterBuffer(available, formula.Buffer);
        var raw = Formula.Apply(afterBuffer, formula.Percent, formula.Offset);
        var rounded = Formula.Round(raw, formula.Rounding);

        var sellOut = SellOut.Evaluate(rule.SellOut, available, store.Id);
        var quantity = sellOut == SellOutOutcome.NotDesignated ? 0 : rounded;

        var preOrder = PreOrder.Evaluate(rule.PreOrder, store.Marketplace == Marketplace.Shopee, sku.InPreOrder, available, sellOut);
        var preOrderOn = PreOrder.IsOn(preOrder);
        var afterPreOrder = preOrderOn ? (int)Math.Min(int.MaxValue, (long)quantity + Math.Max(0, rule.PreOrder!.AddQuantity)) : quantity;

        var afterCap = Limits.Cap(afterPreOrder, formula.Max);
        var final = Limits.ReservedFloor(afterCap, sku.ReservedStock);

        var trace = new DecisionTrace
        {
            Available = available,
            IsBundle = merchant.IsBundle,
            WarehouseCodes = rule.WarehouseCodes,
            Formula = formula,
            AfterBuffer = afterBuffer,
            Raw = raw,
            Rounded = rounded,
            SellOutPolicy = rule.SellOut,
            SellOut = sellOut,
            PreOrderPolicy = rule.PreOrder,
            PreOrder = preOrder,
            AfterPreOrder = afterPreOrder,
            AfterCap = afterCap,
            ReservedStock = sku.ReservedStock,
            Final = final,
        };

        return new PushDecision(
            sku.Id,
            sku.StoreId,
            merchant.Code,
            rule.Id,
            rule.Name,
            NoPushReason: null,
            available,
            rule.WarehouseCodes,
            trace,
            final,
            PreOrder.Flag(preOrder),
            preOrderOn ? rule.PreOrder!.DaysToShip : null,
            InPreOrder: preOrder == PreOrderOutcome.NotApplicable ? sku.InPreOrder && store.Marketplace == Marketplace.Shopee : preOrderOn);
    }

    private static PushDecision NoPush(StoreSku sku, CompiledRule? rule, NoPushReason reason, string text) =>
        NoPush(sku.Id, sku.StoreId, sku.MappedCode, sku.InPreOrder, rule, reason, text);

    private static PushDecision NoPush(
        Guid storeSkuId, Guid storeId, string? code, bool inPreOrder, CompiledRule? rule, NoPushReason reason, string text) =>
        new(
            storeSkuId,
            storeId,
            code,
            rule?.Id,
            rule?.Name,
            reason,
            Available: null,
            rule?.WarehouseCodes ?? NoWarehouses,
            [new DecisionStep("no push", 0, text)],
            Quantity: null,
            PreOrder: null,
            DaysToShip: null,
            inPreOrder);
}
