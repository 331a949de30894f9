using PushInventory.Contracts;

namespace PushInventory.Rules.Domain;

/// <summary>A push rule. Deleted rules are kept (flagged) so their audit log and version stay.</summary>
internal sealed class PushRule
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public int Priority { get; set; }
    public bool Enabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public RuleScopeKind ScopeKind { get; set; }
    public List<string> ScopeMerchantSkuCodes { get; set; } = [];
    public List<Guid> ScopeStoreIds { get; set; } = [];
    public List<Guid> ScopeCategoryIds { get; set; } = [];
    public List<string> WarehouseCodes { get; set; } = [];
    public List<PushRuleStore> Stores { get; set; } = [];
    public decimal Percent { get; set; }
    public int Offset { get; set; }
    public Rounding Rounding { get; set; }
    public int Buffer { get; set; }
    public int? Max { get; set; }
    public int? SellOutThreshold { get; set; }
    public Guid? SellOutDesignatedStoreId { get; set; }
    public int? PreOrderEnableAtOrBelow { get; set; }
    public int? PreOrderAddQuantity { get; set; }
    public int? PreOrderCloseAbove { get; set; }
    public int? PreOrderDaysToShip { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }

    public IReadOnlyList<Guid> StoreIds => Stores.OrderBy(s => s.Position).Select(s => s.StoreId).ToList();

    public RuleScope Scope => new(ScopeKind, ScopeMerchantSkuCodes, ScopeStoreIds, ScopeCategoryIds);

    public QuantityFormula Quantity => new(Percent, Offset, Rounding, Buffer, Max);

    public AboutToSellOut? AboutToSellOut =>
        SellOutThreshold is { } threshold && SellOutDesignatedStoreId is { } store ? new AboutToSellOut(threshold, store) : null;

    public PreOrderPolicy? PreOrder =>
        PreOrderEnableAtOrBelow is { } x && PreOrderAddQuantity is { } y && PreOrderCloseAbove is { } z && PreOrderDaysToShip is { } days
            ? new PreOrderPolicy(x, y, z, days)
            : null;

    /// <summary>Replaces everything a request sets; keeps id, tenant, creation time and version.</summary>
    public void Apply(RuleDraft draft)
    {
        Name = draft.Name;
        Priority = draft.Priority;
        Enabled = draft.Enabled;
        ScopeKind = draft.Scope.Kind;
        ScopeMerchantSkuCodes = [.. draft.Scope.MerchantSkuCodes];
        ScopeStoreIds = [.. draft.Scope.StoreIds];
        ScopeCategoryIds = [.. draft.Scope.CategoryIds];
        WarehouseCodes = [.. draft.WarehouseCodes];
        Percent = draft.Quantity.Percent;
        Offset = draft.Quantity.Offset;
        Rounding = draft.Quantity.Rounding;
        Buffer = draft.Quantity.Buffer;
        Max = draft.Quantity.Max;
        SellOutThreshold = draft.AboutToSellOut?.Threshold;
        SellOutDesignatedStoreId = draft.AboutToSellOut?.DesignatedStoreId;
        PreOrderEnableAtOrBelow = draft.PreOrder?.EnableAtOrBelow;
        PreOrderAddQuantity = draft.PreOrder?.AddQuantity;
        PreOrderCloseAbove = draft.PreOrder?.CloseAbove;
        PreOrderDaysToShip = draft.PreOrder?.DaysToShip;

        // Diff rather than replace: the child key is (rule, store), and re-adding a key being deleted is not a clean update.
        Stores.RemoveAll(s => !draft.StoreIds.Contains(s.StoreId));
        for (var i = 0; i < draft.StoreIds.Count; i++)
        {
            var existing = Stores.Find(s => s.StoreId == draft.StoreIds[i]);
            if (existing is null)
            {
                Stores.Add(new PushRuleStore { TenantId = TenantId, RuleId = Id, StoreId = draft.StoreIds[i], Position = i });
            }
            else
            {
                existing.Position = i;
            }
        }
    }

    public PushRuleChanged ToMessage(DateTime now) =>
        new(TenantId, Id, Name, Priority, Enabled, CreatedAt, Scope, WarehouseCodes, StoreIds, Quantity, AboutToSellOut, PreOrder, Deleted, Version, now);
}
