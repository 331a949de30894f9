using BenchmarkDotNet.Attributes;
using PushInventory.Contracts;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Benchmarks;

/// <summary>
/// One tenant: 10 stores, 50,000 merchant SKUs (1 in 10 a bundle), 3 warehouses, 100,000 store SKUs,
/// 20 rules of every scope kind with buffers, caps, about-to-sell-out and pre-order.
/// </summary>
[MemoryDiagnoser]
public class DecideBenchmark
{
    private const int MerchantSkuCount = 50_000;
    private const int StoreSkuCount = 100_000;

    private static readonly Marketplace[] Marketplaces = [Marketplace.Shopee, Marketplace.Lazada, Marketplace.TikTokShop, Marketplace.Tokopedia];

    private readonly List<RuleInput> _rules = [];
    private readonly List<StoreInput> _stores = [];
    private readonly List<StoreSkuInput> _storeSkus = [];
    private readonly List<MerchantSkuInput> _merchantSkus = [];
    private readonly List<StockLevelInput> _levels = [];
    private readonly List<PreOrderStateInput> _preOrderStates = [];
    private TenantSnapshot _snapshot = null!;
    private Guid[] _storeSkuIds = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] warehouses = ["WH-A", "WH-B", "WH-C"];
        var categories = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < 10; i++)
        {
            _stores.Add(new StoreInput(Guid.NewGuid(), Marketplaces[i % Marketplaces.Length], $"Store {i}"));
        }

        for (var i = 0; i < MerchantSkuCount; i++)
        {
            var code = $"SKU-{i:D6}";
            var components = i % 10 == 9
                ? new[] { new ComponentInput($"SKU-{i - 1:D6}", 2), new ComponentInput($"SKU-{i - 2:D6}", 1) }
                : null;
            _merchantSkus.Add(new MerchantSkuInput(code, categories[i % categories.Length], components));
            if (components is not null)
            {
                continue;
            }

            foreach (var warehouse in warehouses)
            {
                if (random.Next(10) != 0)
                {
                    _levels.Add(new StockLevelInput(code, warehouse, random.Next(0, 200)));
                }
            }
        }

        for (var i = 0; i < StoreSkuCount; i++)
        {
            var store = _stores[i % _stores.Count];
            var code = i % 50 == 0 ? null : $"sku-{random.Next(MerchantSkuCount):D6} ";
            var storeSku = new StoreSkuInput(Guid.NewGuid(), store.Id, code, random.Next(20) == 0 ? random.Next(1, 10) : 0);
            _storeSkus.Add(storeSku);
            if (random.Next(5) == 0)
            {
                _preOrderStates.Add(new PreOrderStateInput(storeSku.Id, true));
            }
        }

        for (var i = 0; i < 20; i++)
        {
            var scope = (i % 4) switch
            {
                0 => new RuleScope(RuleScopeKind.Skus, [.. Enumerable.Range(0, 5000).Select(_ => $"SKU-{random.Next(MerchantSkuCount):D6}")], [], []),
                1 => new RuleScope(RuleScopeKind.Stores, [], [_stores[random.Next(10)].Id, _stores[random.Next(10)].Id], []),
                2 => new RuleScope(RuleScopeKind.Categories, [], [], [.. categories.Take(5 + (i % 10))]),
                _ => new RuleScope(RuleScopeKind.All, [], [], []),
            };
            var ruleStores = _stores.Where(_ => random.Next(3) != 0).Select(s => s.Id).ToArray();
            _rules.Add(new RuleInput(
                Guid.NewGuid(),
                $"Rule {i}",
                Priority: 20 - i,
                Enabled: true,
                CreatedAt: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                scope,
                [.. warehouses.Take(1 + (i % 3))],
                ruleStores,
                new QuantityFormula(60 + (i * 10), i % 3, (Rounding)(i % 3), i % 4, i % 5 == 0 ? 150 : null),
                i % 3 == 0 ? new AboutToSellOut(20, ruleStores[0]) : null,
                i % 4 == 1 ? new PreOrderPolicy(5, 30, 50, 7) : null));
        }

        _snapshot = BuildSnapshot();
        _storeSkuIds = [.. _storeSkus.Select(s => s.Id)];
    }

    [Benchmark(Description = "Decide 100,000 store SKUs")]
    public int Decide()
    {
        var pushed = 0;
        foreach (var decision in PushEngine.Decide(_snapshot, _storeSkuIds))
        {
            pushed += decision.Quantity ?? 0;
        }

        return pushed;
    }

    [Benchmark(Description = "Build the snapshot")]
    public TenantSnapshot BuildSnapshot() =>
        new(Plan.Pro, _rules, _stores, _storeSkus, _merchantSkus, _levels, _preOrderStates);
}
