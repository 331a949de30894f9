namespace PushInventory.Sandbox.Domain;

/// <summary>A registered shop: its credentials, SKUs, calls and faults. Every member is thread-safe.</summary>
internal sealed class SandboxShop(ShopKey key, ShopCredentials credentials, bool knownSkusOnly)
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, SandboxSku> skus = new(StringComparer.Ordinal);
    private readonly Dictionary<long, PreOrderState> preOrders = [];
    private readonly List<DateTimeOffset> calls = [];
    private readonly Queue<DateTimeOffset> servedInWindow = new();
    private readonly Random random = new();
    private FaultSettings faults = FaultSettings.None;

    public ShopKey Key => key;

    public ShopCredentials Credentials => credentials;

    public FaultSettings Faults
    {
        get { lock (gate) { return faults; } }
        set { lock (gate) { faults = value; } }
    }

    public void AddKnownSku(string sku, int reservedStock)
    {
        lock (gate)
        {
            skus[sku] = new SandboxSku(sku, reservedStock);
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

    /// <summary>Checks one SKU of a call against the shop's SKUs and faults, and sets its stock when it passes.</summary>
    public SkuFailure Apply(string sku, IReadOnlyDictionary<string, int> warehouses, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!skus.TryGetValue(sku, out var state))
            {
                if (knownSkusOnly)
                {
                    return SkuFailure.NotFound;
                }

                state = new SandboxSku(sku, 0);
                skus[sku] = state;
            }

            if (faults.BelowReservedSkus.Contains(sku) || warehouses.Values.Sum() < state.ReservedStock)
            {
                return SkuFailure.BelowReserved;
            }

            if (faults.PartialFailureShare > 0 && random.NextDouble() < faults.PartialFailureShare)
            {
                return SkuFailure.Partial;
            }

            state.Set(warehouses, now);
            return SkuFailure.None;
        }
    }

    public void SetPreOrder(long itemId, bool isPreOrder, int daysToShip, DateTimeOffset now)
    {
        lock (gate)
        {
            preOrders[itemId] = new PreOrderState(itemId, isPreOrder, daysToShip, now);
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
}
