using PushInventory.Contracts;

namespace PushInventory.Push.Domain.Tests;

/// <summary>A small tenant built up by a test, turned into a snapshot at the end.</summary>
internal sealed class World
{
    public static readonly DateTime T0 = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public Plan Plan { get; set; } = Plan.Pro;

    /// <summary>Where the ids of stores, store SKUs and rules come from; a property test sets a seeded source so that a seed replays.</summary>
    public Func<Guid> NewId { get; init; } = Guid.NewGuid;

    public List<RuleInput> Rules { get; } = [];

    public List<StoreInput> Stores { get; } = [];

    public List<StoreSkuInput> StoreSkus { get; } = [];

    public List<MerchantSkuInput> MerchantSkus { get; } = [];

    public List<StockLevelInput> Levels { get; } = [];

    public List<PreOrderStateInput> PreOrderStates { get; } = [];

    public static RuleScope All { get; } = new(RuleScopeKind.All, [], [], []);

    public static RuleScope Skus(params string[] codes) => new(RuleScopeKind.Skus, codes, [], []);

    public static RuleScope OfStores(params Guid[] storeIds) => new(RuleScopeKind.Stores, [], storeIds, []);

    public static RuleScope Categories(params Guid[] categoryIds) => new(RuleScopeKind.Categories, [], [], categoryIds);

    public Guid Store(string name, Marketplace marketplace = Marketplace.Shopee)
    {
        var id = NewId();
        Stores.Add(new StoreInput(id, marketplace, name));
        return id;
    }

    public Guid StoreSku(Guid storeId, string? merchantSkuCode, int reserved = 0, bool inPreOrder = false)
    {
        var id = NewId();
        StoreSkus.Add(new StoreSkuInput(id, storeId, merchantSkuCode, reserved));
        if (inPreOrder)
        {
            PreOrderStates.Add(new PreOrderStateInput(id, true));
        }

        return id;
    }

    public World Sku(string code, Guid? categoryId = null, params ComponentInput[] components)
    {
        MerchantSkus.Add(new MerchantSkuInput(code, categoryId, components));
        return this;
    }

    public World Level(string code, string warehouse, int available)
    {
        Levels.Add(new StockLevelInput(code, warehouse, available));
        return this;
    }

    public RuleInput Rule(
        IEnumerable<Guid> stores,
        string name = "rule",
        int priority = 1,
        RuleScope? scope = null,
        string[]? warehouses = null,
        decimal percent = 100m,
        int offset = 0,
        Rounding rounding = Rounding.Down,
        int buffer = 0,
        int? max = null,
        AboutToSellOut? sellOut = null,
        PreOrderPolicy? preOrder = null,
        bool enabled = true,
        DateTime? createdAt = null,
        Guid? id = null)
    {
        var rule = new RuleInput(
            id ?? NewId(),
            name,
            priority,
            enabled,
            createdAt ?? T0,
            scope ?? All,
            warehouses ?? ["WH-A"],
            [.. stores],
            new QuantityFormula(percent, offset, rounding, buffer, max),
            sellOut,
            preOrder);
        Rules.Add(rule);
        return rule;
    }

    public TenantSnapshot Snapshot() => new(Plan, Rules, Stores, StoreSkus, MerchantSkus, Levels, PreOrderStates);

    public PushDecision Decide(Guid storeSkuId) => PushEngine.Decide(Snapshot(), [storeSkuId]).Single();

    /// <summary>One Shopee store, one merchant SKU "SKU-1" with <paramref name="available"/> in WH-A, one store SKU mapped to it.</summary>
    public static (World World, Guid Store, Guid StoreSku) Single(int available, Marketplace marketplace = Marketplace.Shopee, int reserved = 0)
    {
        var world = new World();
        var store = world.Store("Shop", marketplace);
        world.Sku("SKU-1").Level("SKU-1", "WH-A", available);
        var storeSku = world.StoreSku(store, "SKU-1", reserved);
        return (world, store, storeSku);
    }
}
