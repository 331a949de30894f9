using CsCheck;
using PushInventory.Contracts;
using Shouldly;

namespace PushInventory.Push.Domain.Tests;

public sealed class PropertyTests
{
    private static readonly Marketplace[] Marketplaces = [Marketplace.Shopee, Marketplace.Lazada, Marketplace.TikTokShop, Marketplace.Tokopedia];

    private static readonly Gen<QuantityFormula> GenFormula = Gen.Select(
        Gen.Int[0, 2000], Gen.Int[0, 500], Gen.Enum<Rounding>(), Gen.Int[0, 200], Gen.Int[0, 3000].Nullable(),
        (percent, offset, rounding, buffer, max) => new QuantityFormula(percent, offset, rounding, buffer, max));

    private static readonly Gen<PreOrderPolicy?> GenPreOrder = Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, 200], Gen.Int[1, 30])
        .Select((x, y, extra, days) => new PreOrderPolicy(x, y, x + extra + 1, days)).Null();

    private static PushDecision DecideOne(int available, QuantityFormula formula, int reserved, Marketplace marketplace, bool inPreOrder, int? threshold, bool designated, PreOrderPolicy? preOrder)
    {
        var world = new World();
        var store = world.Store("Shop", marketplace);
        var other = world.Store("Other");
        world.Sku("SKU-1").Level("SKU-1", "WH-A", available);
        var storeSku = world.StoreSku(store, "SKU-1", reserved, inPreOrder);
        var sellOut = threshold is { } t ? new AboutToSellOut(t, designated ? store : other) : null;
        world.Rules.Add(new RuleInput(Guid.NewGuid(), "r", 1, true, World.T0, World.All, ["WH-A"], [store, other], formula, sellOut, preOrder));
        return world.Decide(storeSku);
    }

    [Fact]
    public void Quantity_AnyRuleAndStock_NeverNegativeNeverBelowFloorNeverAboveMaxUnlessFloor() =>
        Gen.Select(Gen.Int[-50, 100_000], GenFormula, Gen.Int[0, 4000], Gen.Enum<Marketplace>(), Gen.Bool, Gen.Int[0, 1000].Nullable(), Gen.Bool, GenPreOrder)
            .Sample((available, formula, reserved, marketplace, inPreOrder, threshold, designated, preOrder) =>
            {
                var quantity = DecideOne(available, formula, reserved, marketplace, inPreOrder, threshold, designated, preOrder).Quantity!.Value;

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

    [Fact]
    public void Quantity_RuleWithoutSellOutOrPreOrder_MonotoneNonDecreasingInAvailable() =>
        Gen.Select(Gen.Int[-50, 50_000], Gen.Int[0, 50_000], GenFormula, Gen.Int[0, 500], Gen.Enum<Marketplace>())
            .Sample((low, delta, formula, reserved, marketplace) =>
            {
                var lower = DecideOne(low, formula, reserved, marketplace, false, null, false, null).Quantity!.Value;
                var higher = DecideOne(low + delta, formula, reserved, marketplace, false, null, false, null).Quantity!.Value;

                higher.ShouldBeGreaterThanOrEqualTo(lower);
            });

    [Fact]
    public void Decide_ShuffledRulesStoresStoreSkusLevels_SameDecisions() =>
        Gen.Int.Sample(seed =>
        {
            var world = RandomWorld(new Random(seed));
            var shuffler = new Random(seed ^ 0x5f3759df);
            var shuffled = new World { Plan = world.Plan };
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

    /// <summary>A small tenant with ties in priority and creation time, every scope kind, bundles and gaps in stock.</summary>
    private static World RandomWorld(Random random)
    {
        var world = new World { Plan = (Plan)random.Next(3) };
        var stores = Enumerable.Range(0, 4).Select(i => world.Store($"S{i}", Marketplaces[random.Next(Marketplaces.Length)])).ToArray();
        var categories = new[] { Guid.NewGuid(), Guid.NewGuid() };
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
                percent: random.Next(0, 300),
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
