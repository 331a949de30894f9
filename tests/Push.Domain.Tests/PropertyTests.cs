using CsCheck;
using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class PropertyTests
{
    private static readonly Marketplace[] Marketplaces = [Marketplace.Shopee, Marketplace.Lazada, Marketplace.TikTokShop, Marketplace.Tokopedia];

    /// <summary>Percent from 0 to 2000 with two decimals, as the Rules service accepts.</summary>
    private static readonly Gen<QuantityFormula> GenFormula = Gen.Select(
        Gen.Int[0, 200_000], Gen.Int[0, 500], Gen.Enum<Rounding>(), Gen.Int[0, 200], Gen.Int[0, 3000].Nullable(),
        (hundredths, offset, rounding, buffer, max) => new QuantityFormula(hundredths / 100m, offset, rounding, buffer, max));

    private static readonly Gen<PreOrderPolicy?> GenPreOrder = Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, 200], Gen.Int[1, 30])
        .Select((x, y, extra, days) => new PreOrderPolicy(x, y, x + extra + 1, days)).Null();

    /// <summary>One to three warehouses; a single SKU, or (one time in three) a bundle of one to three components; a level everywhere.</summary>
    private static readonly Gen<StockLayout> GenLayout =
        from warehouses in Gen.Int[1, 3]
        from bundle in Gen.Int[0, 2]
        from quantities in bundle == 0 ? Gen.Int[1, 4].Array[1, 3] : Gen.Const(Array.Empty<int>())
        from levels in Gen.Int[-50, 50_000].Array[warehouses * Math.Max(1, quantities.Length)]
        select new StockLayout(warehouses, quantities, levels);

    /// <summary>The stock of "SKU-1": <see cref="Levels"/> holds, per stocked code (SKU-1, or each component), one level per warehouse.</summary>
    private sealed record StockLayout(int Warehouses, int[] ComponentQuantities, int[] Levels)
    {
        public string[] WarehouseCodes => [.. Enumerable.Range(0, Warehouses).Select(w => $"WH-{w}")];

        public StockLayout Raised(int[] deltas) => this with { Levels = [.. Levels.Select((level, i) => level + deltas[i])] };

        public void AddTo(World world)
        {
            string[] codes = ComponentQuantities.Length == 0 ? ["SKU-1"] : [.. ComponentQuantities.Select((_, c) => $"C-{c}")];
            if (ComponentQuantities.Length == 0)
            {
                world.Sku("SKU-1");
            }
            else
            {
                foreach (var code in codes)
                {
                    world.Sku(code);
                }

                world.Sku("SKU-1", null, [.. ComponentQuantities.Select((quantity, c) => new ComponentInput(codes[c], quantity))]);
            }

            for (var c = 0; c < codes.Length; c++)
            {
                for (var w = 0; w < Warehouses; w++)
                {
                    world.Level(codes[c], WarehouseCodes[w], Levels[(c * Warehouses) + w]);
                }
            }
        }
    }

    private static PushDecision DecideOne(StockLayout stock, QuantityFormula formula, int reserved, Marketplace marketplace, bool inPreOrder, int? threshold, bool designated, PreOrderPolicy? preOrder)
    {
        var ids = new Random(17);
        var world = new World { NewId = () => NewGuid(ids) };
        var store = world.Store("Shop", marketplace);
        var other = world.Store("Other");
        stock.AddTo(world);
        var storeSku = world.StoreSku(store, "SKU-1", reserved, inPreOrder);
        var sellOut = threshold is { } t ? new AboutToSellOut(t, designated ? store : other) : null;
        world.Rules.Add(new RuleInput(world.NewId(), "r", 1, true, World.T0, World.All, stock.WarehouseCodes, [store, other], formula, sellOut, preOrder));
        return world.Decide(storeSku);
    }

    [Fact]
    public void Quantity_AnyRuleAndStock_NeverNegativeNeverBelowFloorNeverAboveMaxUnlessFloor() =>
        Gen.Select(GenLayout, GenFormula, Gen.Int[0, 4000], Gen.Enum<Marketplace>(), Gen.Bool, Gen.Int[0, 1000].Nullable(), Gen.Bool, GenPreOrder)
            .Sample((stock, formula, reserved, marketplace, inPreOrder, threshold, designated, preOrder) =>
            {
                var quantity = DecideOne(stock, formula, reserved, marketplace, inPreOrder, threshold, designated, preOrder).Quantity!.Value;

                quantity.ShouldBeGreaterThanOrEqualTo(0);
                quantity.ShouldBeGreaterThanOrEqualTo(reserved);
                if (formula.Max is { } max)
                {
                    if (reserved > max)
                    {
                        quantity.ShouldBe(reserved);
                    }
                    else
                    {
                        quantity.ShouldBeLessThanOrEqualTo(max);
                    }
                }
            });

    /// <summary>Raising any level (a warehouse of the SKU, or a bundle component) never lowers A, so never the quantity.</summary>
    [Fact]
    public void Quantity_RuleWithoutSellOutOrPreOrder_MonotoneNonDecreasingInAvailable() =>
        Gen.Select(
                GenLayout.SelectMany(stock => Gen.Int[0, 50_000].Array[stock.Levels.Length].Select(deltas => (Low: stock, High: stock.Raised(deltas)))),
                GenFormula,
                Gen.Int[0, 500],
                Gen.Enum<Marketplace>())
            .Sample((stocks, formula, reserved, marketplace) =>
            {
                var lower = DecideOne(stocks.Low, formula, reserved, marketplace, false, null, false, null);
                var higher = DecideOne(stocks.High, formula, reserved, marketplace, false, null, false, null);

                higher.Available!.Value.ShouldBeGreaterThanOrEqualTo(lower.Available!.Value);
                higher.Quantity!.Value.ShouldBeGreaterThanOrEqualTo(lower.Quantity!.Value);
            });

    [Fact]
    public void Decide_ShuffledRulesStoresStoreSkusLevels_SameDecisions() =>
        Gen.Int.Sample(seed =>
        {
            var world = RandomWorld(new Random(seed));
            var shuffler = new Random(seed ^ 0x5f3759df);
            var shuffled = new World { Plan = world.Plan, NewId = () => throw new InvalidOperationException("The shuffled tenant reuses the original's ids.") };
            shuffled.Rules.AddRange(Shuffle(world.Rules, shuffler));
            shuffled.Stores.AddRange(Shuffle(world.Stores, shuffler));
            shuffled.StoreSkus.AddRange(Shuffle(world.StoreSkus, shuffler));
            shuffled.MerchantSkus.AddRange(Shuffle(world.MerchantSkus, shuffler));
            shuffled.Levels.AddRange(Shuffle(world.Levels, shuffler));
            shuffled.PreOrderStates.AddRange(Shuffle(world.PreOrderStates, shuffler));
            var ids = world.StoreSkus.Select(s => s.Id).ToArray();

            var original = PushEngine.Decide(world.Snapshot(), ids).ToDictionary(d => d.StoreSkuId, Describe);
            var reordered = PushEngine.Decide(shuffled.Snapshot(), Shuffle(ids, shuffler)).ToDictionary(d => d.StoreSkuId, Describe);

            reordered.Count.ShouldBe(original.Count);
            foreach (var (id, description) in original)
            {
                reordered[id].ShouldBe(description);
            }
        }, iter: 200);

    private static string Describe(PushDecision d) =>
        $"{d.StoreId}|{d.MerchantSkuCode}|{d.RuleId}|{d.NoPushReason}|{d.Available}|{d.Quantity}|{d.PreOrder}|{d.DaysToShip}|{d.InPreOrder}|{string.Join(";", d.Steps.Select(s => s.Text))}";

    private static T[] Shuffle<T>(IEnumerable<T> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }

    /// <summary>An id drawn from <paramref name="random"/>, so that a seed replays the same tenant (ids break selection ties).</summary>
    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A small tenant with ties in priority and creation time, every scope kind, bundles and gaps in stock.</summary>
    private static World RandomWorld(Random random)
    {
        var world = new World { Plan = (Plan)random.Next(3), NewId = () => NewGuid(random) };
        var stores = Enumerable.Range(0, 4).Select(i => world.Store($"S{i}", Marketplaces[random.Next(Marketplaces.Length)])).ToArray();
        var categories = new[] { NewGuid(random), NewGuid(random) };
        string[] warehouses = ["WH-A", "WH-B", "WH-C"];
        var codes = Enumerable.Range(0, 8).Select(i => $"SKU-{i}").ToArray();
        foreach (var code in codes)
        {
            world.Sku(code, random.Next(3) == 0 ? null : categories[random.Next(2)]);
        }

        world.Sku("SET-1", categories[0], new ComponentInput("SKU-0", 2), new ComponentInput("sku-1", 1));
        foreach (var code in codes)
        {
            foreach (var warehouse in warehouses)
            {
                if (random.Next(3) != 0)
                {
                    world.Level(code, warehouse, random.Next(-2, 120));
                }
            }
        }

        string?[] mappable = [.. codes, "SET-1", null, "UNKNOWN"];
        for (var i = 0; i < 24; i++)
        {
            world.StoreSku(stores[random.Next(stores.Length)], mappable[random.Next(mappable.Length)], random.Next(4) == 0 ? random.Next(1, 30) : 0, random.Next(2) == 0);
        }

        for (var i = 0; i < 6; i++)
        {
            var ruleStores = stores.Where(_ => random.Next(2) == 0).ToArray();
            var scope = random.Next(4) switch
            {
                0 => World.Skus([.. codes.Where(_ => random.Next(2) == 0), "set-1"]),
                1 => World.OfStores(stores[random.Next(stores.Length)]),
                2 => World.Categories(categories[random.Next(2)]),
                _ => World.All,
            };
            world.Rule(
                ruleStores,
                name: $"R{i}",
                priority: random.Next(3),
                scope: scope,
                warehouses: [.. warehouses.Where(_ => random.Next(2) == 0)],
                percent: random.Next(0, 30_000) / 100m,
                offset: random.Next(0, 5),
                rounding: (Rounding)random.Next(3),
                buffer: random.Next(0, 5),
                max: random.Next(3) == 0 ? random.Next(0, 100) : null,
                sellOut: random.Next(3) == 0 ? new AboutToSellOut(random.Next(0, 60), stores[random.Next(stores.Length)]) : null,
                preOrder: random.Next(3) == 0 ? new PreOrderPolicy(random.Next(0, 20), random.Next(0, 40), random.Next(21, 80), 7) : null,
                enabled: random.Next(6) != 0,
                createdAt: World.T0.AddMinutes(random.Next(2)));
        }

        return world;
    }
}
