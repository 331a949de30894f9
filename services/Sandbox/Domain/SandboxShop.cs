using System.Globalization;
using PushInventory.Contracts;

namespace PushInventory.Sandbox.Domain;

/// <summary>
/// A registered shop: its credentials, platform warehouses (empty for a single-warehouse shop), SKUs,
/// calls and faults. Every member is thread-safe.
/// </summary>
internal sealed class SandboxShop(ShopKey key, ShopCredentials credentials, bool knownSkusOnly, IReadOnlyList<string> warehouses)
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, SandboxSku> skus = new(StringComparer.Ordinal);
    private readonly Dictionary<long, PreOrderState> preOrders = [];
    private readonly List<DateTimeOffset> calls = [];
    private readonly Queue<DateTimeOffset> servedInWindow = new();
    private readonly Random random = new();
    private FaultSettings faults = FaultSettings.None;
    private int throttled;

    public ShopKey Key => key;

    public ShopCredentials Credentials => credentials;

    /// <summary>The shop's platform warehouses; empty when it has none of its own (single warehouse).</summary>
    public IReadOnlyList<string> Warehouses => warehouses;

    public FaultSettings Faults
    {
        get { lock (gate) { return faults; } }
        set { lock (gate) { faults = value; } }
    }

    public void AddKnownSku(string sku, int reservedStock, IReadOnlyList<string> ownWarehouses)
    {
        lock (gate)
        {
            skus[sku] = new SandboxSku(sku, reservedStock, ownWarehouses);
        }
    }

    /// <summary>The warehouses a SKU is stocked in: those registered for it, else the shop's.</summary>
    public IReadOnlyList<string> WarehousesOf(string sku)
    {
        lock (gate)
        {
            return skus.TryGetValue(sku, out var state) && state.OwnWarehouses.Count > 0 ? state.OwnWarehouses : warehouses;
        }
    }

    /// <summary>Records the call and decides, from the faults, whether it is served.</summary>
    public CallVerdict Admit(DateTimeOffset now, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        lock (gate)
        {
            calls.Add(now);
            if (faults.RateLimitPerSecond is { } limit)
            {
                while (servedInWindow.Count > 0 && now - servedInWindow.Peek() >= RateWindow)
                {
                    servedInWindow.Dequeue();
                }

                if (servedInWindow.Count >= limit)
                {
                    retryAfter = RateWindow - (now - servedInWindow.Peek());
                    throttled++;
                    return CallVerdict.RateLimited;
                }
            }

            var roll = random.NextDouble();
            var verdict = roll < faults.ThrottleShare ? CallVerdict.Throttle
                : roll < faults.ThrottleShare + faults.ServerErrorShare ? CallVerdict.ServerError
                : roll < faults.ThrottleShare + faults.ServerErrorShare + faults.TimeoutShare ? CallVerdict.Delay
                : CallVerdict.Serve;
            if (verdict is CallVerdict.Serve or CallVerdict.Delay)
            {
                servedInWindow.Enqueue(now);
            }
            else if (verdict == CallVerdict.Throttle)
            {
                throttled++;
            }

            return verdict;
        }
    }

    /// <summary>True when the shop was registered without a SKU list, or some known SKU's key starts with the prefix.</summary>
    public bool KnowsAny(string keyPrefix)
    {
        lock (gate)
        {
            return !knownSkusOnly || skus.Keys.Any(k => k.StartsWith(keyPrefix, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Checks one SKU of a call against the shop's SKUs and faults, and sets its stock when it passes.
    /// <paramref name="failedWarehouses"/> names the warehouses of a <see cref="SkuFailure.Warehouse"/> failure.
    /// </summary>
    public SkuFailure Apply(string sku, IReadOnlyDictionary<string, int> warehouses, DateTimeOffset now, out IReadOnlyList<string> failedWarehouses)
    {
        failedWarehouses = [];
        lock (gate)
        {
            if (!skus.TryGetValue(sku, out var state))
            {
                if (knownSkusOnly)
                {
                    return SkuFailure.NotFound;
                }

                state = new SandboxSku(sku, 0, []);
                skus[sku] = state;
            }

            if (faults.BelowReservedSkus.Contains(sku) || warehouses.Values.Sum() < state.ReservedStock)
            {
                return SkuFailure.BelowReserved;
            }

            if (faults.WarehouseFailures is { Count: > 0 } failing
                && warehouses.Keys.Where(w => failing.Contains((sku, w))).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } failed)
            {
                failedWarehouses = failed;
                return SkuFailure.Warehouse;
            }

            if (faults.PartialFailureShare > 0 && random.NextDouble() < faults.PartialFailureShare)
            {
                return SkuFailure.Partial;
            }

            state.Set(warehouses, PreOrderOf(sku), now);
            return SkuFailure.None;
        }
    }

    /// <summary>Sets a Shopee item's pre-order state; a change shows in the history of each of its SKUs.</summary>
    public void SetPreOrder(long itemId, bool isPreOrder, int daysToShip, DateTimeOffset now)
    {
        lock (gate)
        {
            var previous = preOrders.GetValueOrDefault(itemId);
            var next = new PreOrderState(itemId, isPreOrder, daysToShip, now);
            preOrders[itemId] = next;
            // An item never set is not in pre-order, and days to ship matter only while it is.
            var changed = previous is null
                ? isPreOrder
                : previous.IsPreOrder != isPreOrder || (isPreOrder && previous.DaysToShip != daysToShip);
            if (!changed)
            {
                return;
            }

            var prefix = string.Create(CultureInfo.InvariantCulture, $"{itemId}:");
            foreach (var sku in skus.Values.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                sku.RecordPreOrder(next);
            }
        }
    }

    public IReadOnlyList<SkuStock> Stock()
    {
        lock (gate)
        {
            return [.. skus.Values
                .Where(s => s.Quantity is not null)
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new SkuStock(s.Key, s.Quantity!.Value, s.Warehouses, s.ReservedStock, s.UpdatedAt!.Value, s.History.Count))];
        }
    }

    public IReadOnlyList<PreOrderState> PreOrders()
    {
        lock (gate)
        {
            return [.. preOrders.Values.OrderBy(p => p.ItemId)];
        }
    }

    public IReadOnlyList<StockChange>? History(string sku)
    {
        lock (gate)
        {
            return skus.TryGetValue(sku, out var state) ? [.. state.History] : null;
        }
    }

    public IReadOnlyList<DateTimeOffset> Calls()
    {
        lock (gate)
        {
            return [.. calls];
        }
    }

    /// <summary>Calls answered with throttling (the shop's rate limit or a throttle fault).</summary>
    public int Throttled()
    {
        lock (gate)
        {
            return throttled;
        }
    }

    // Shopee SKU keys are {item_id}:{model_id}, and pre-order is set per item.
    private PreOrderState? PreOrderOf(string sku) =>
        key.Marketplace == Marketplace.Shopee
        && long.TryParse(sku.AsSpan(0, Math.Max(0, sku.IndexOf(':', StringComparison.Ordinal))), NumberStyles.None, CultureInfo.InvariantCulture, out var itemId)
            ? preOrders.GetValueOrDefault(itemId)
            : null;
}
