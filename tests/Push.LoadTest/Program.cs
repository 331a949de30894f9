using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PushInventory.TestSupport;

// Usage:
//   dotnet run -c Release --project tests/Push.LoadTest -- import [baseUrl] [adminKey] [rows]
//       CSV import of merchant SKUs (default 50,000 rows) against the embedded host.
//   dotnet run -c Release --project tests/Push.LoadTest -- [gateway] [adminKey] [skus] [throughputMovements] [latencyRate] [latencySeconds]
//       Push throughput and latency against a distributed system.
if (args.FirstOrDefault() == "import")
{
    return await ImportBenchmark.RunAsync(
        new Uri(args.ElementAtOrDefault(1) ?? "http://localhost:5080"),
        args.ElementAtOrDefault(2) ?? "dev-admin-key",
        int.Parse(args.ElementAtOrDefault(3) ?? "50000", CultureInfo.InvariantCulture));
}

var gateway = new Uri(args.ElementAtOrDefault(0) ?? "http://127.0.0.1:5100");
var adminKey = args.ElementAtOrDefault(1) ?? Environment.GetEnvironmentVariable("PUSHINV_ADMIN_KEY") ?? "bench-admin-key";
var skuCount = int.Parse(args.ElementAtOrDefault(2) ?? "500", CultureInfo.InvariantCulture);
var throughputMovements = int.Parse(args.ElementAtOrDefault(3) ?? "20000", CultureInfo.InvariantCulture);
var latencyRate = int.Parse(args.ElementAtOrDefault(4) ?? "1000", CultureInfo.InvariantCulture);
var latencySeconds = int.Parse(args.ElementAtOrDefault(5) ?? "15", CultureInfo.InvariantCulture);

using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
http.DefaultRequestHeaders.Add("X-Admin-Key", adminKey);
var tenant = await Send(HttpMethod.Post, "/api/admin/tenants", new { name = "Load test", plan = "Pro" });
http.DefaultRequestHeaders.Remove("X-Admin-Key");
http.DefaultRequestHeaders.Add("X-Api-Key", tenant.GetProperty("apiKey").GetString());
var sandbox = Environment.GetEnvironmentVariable("PUSHINV_SANDBOX") ?? "http://127.0.0.1:5090";
using var sandboxHttp = new HttpClient { BaseAddress = new Uri(sandbox) };

Console.WriteLine($"setting up {skuCount} SKUs on one Lazada Sandbox store at {sandbox}");
await Send(HttpMethod.Post, "/api/stock/warehouses", new { code = "WH", name = "Warehouse" });
var csv = new StringBuilder("code,name,category\n");
for (var i = 0; i < skuCount; i++)
{
    csv.Append(CultureInfo.InvariantCulture, $"L{i},Load {i},\n");
}

using (var import = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))
{
    (await http.PostAsync("/api/catalog/merchant-skus/import", import)).EnsureSuccessStatusCode();
}

var token = $"load-{Guid.NewGuid():N}";
(await sandboxHttp.PostAsJsonAsync("/sandbox/shops", new { marketplace = "Lazada", appKey = "100132", appSecret = "load-secret", accessToken = token })).EnsureSuccessStatusCode();
var store = await Send(HttpMethod.Post, "/api/catalog/stores", new { marketplace = "Lazada", name = "Load", region = "PH", baseUrl = $"{sandbox}/sandbox/lazada", credentials = new { appKey = "100132", appSecret = "load-secret", accessToken = token } });
var storeId = store.GetProperty("id").GetGuid();
for (var start = 0; start < skuCount; start += 1000)
{
    var skus = Enumerable.Range(start, Math.Min(1000, skuCount - start)).Select(i => new { sellerSku = $"L{i}", name = $"L{i}", itemId = 7_000_000L + i, skuId = 8_000_000L + i });
    await Send(HttpMethod.Post, $"/api/catalog/stores/{storeId}/skus", new { skus });
}

// Auto-map until the Mapping service has learnt every SKU from the Catalog's events and linked all of them
// (an empty "unmapped" page alone also holds while it has not learnt the store SKUs yet).
await Until(async () =>
{
    await Send(HttpMethod.Post, "/api/mapping/auto", new { });
    return await MappedCount() == skuCount;
}, "every store SKU mapped");
await Until(async () => await TrySend("/api/rules", new { name = "all", priority = 1, scope = new { kind = "All" }, warehouseCodes = new[] { "WH" }, storeIds = new[] { storeId } }), "the rule accepted");
await Send(HttpMethod.Put, "/api/settings", new { inventoryFeaturesEnabled = true });
var expected = new int[skuCount];
var moveTimes = new List<double>();
// Wait until Push knows the mappings and the rule, by pushing one movement through end to end.
await Move([("warm", 0)], 1, expected);
await Until(async () => (await Quantities()).GetValueOrDefault("L0") == 1, "the warm-up push");

// Twice: the first run meets fresh processes (the JIT compiles and recompiles the hot paths while it runs);
// the second shows the steady state a long-running system is in.
await Throughput("throughput, fresh processes", "t");
await Throughput("throughput, warm processes", "w");

Console.WriteLine($"latency: {latencyRate} movements/s for {latencySeconds} s, one movement per SKU per request, 10 per request");
var accepts = new List<(int Sku, int Quantity, DateTimeOffset At)>();
var ticks = latencyRate / 10;
var interval = TimeSpan.FromSeconds(1.0 / ticks);
var clock = Stopwatch.StartNew();
var sendingStarted = DateTimeOffset.UtcNow;
var sends = new List<Task>();
var sequence = 0;
for (var tick = 0; tick < ticks * latencySeconds; tick++)
{
    var due = interval * tick;
    var wait = due - clock.Elapsed;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }

    var batch = Enumerable.Range(0, 10).Select(_ => { var n = sequence++; return ($"l{n}", n % skuCount); }).ToList();
    sends.Add(Task.Run(async () =>
    {
        var at = await Move(batch, 1, expected);
        lock (accepts)
        {
            foreach (var (sku, quantity) in at)
            {
                accepts.Add((sku, quantity, DateTimeOffset.UtcNow));
            }
        }
    }));
}

await Task.WhenAll(sends);
var latencyRequestTimes = MoveTimes();
Console.WriteLine($"  sent {sequence} movements in {clock.Elapsed.TotalSeconds:0.0} s; each request of 10 answered in: p50 {latencyRequestTimes.P50:0} ms, p99 {latencyRequestTimes.P99:0} ms");
await Until(async () =>
{
    var q = await Quantities();
    return Enumerable.Range(0, skuCount).All(i => q.GetValueOrDefault($"L{i}") == expected[i]);
}, "every SKU to reach its final quantity", TimeSpan.FromMinutes(5));

var bySecond = new List<(int Second, double Latency)>();
foreach (var group in accepts.GroupBy(a => a.Sku))
{
    var history = await sandboxHttp.GetFromJsonAsync<JsonElement>($"/sandbox/stock/history?marketplace=Lazada&shop={token}&sku=L{group.Key}");
    var changes = history.EnumerateArray().Select(c => (At: c.GetProperty("at").GetDateTimeOffset(), Quantity: c.GetProperty("quantity").GetInt32())).ToList();
    foreach (var movement in group)
    {
        var reached = changes.FirstOrDefault(c => c.Quantity >= movement.Quantity);
        if (reached.At != default)
        {
            bySecond.Add(((int)(movement.At - sendingStarted).TotalSeconds, Math.Max(0, (reached.At - movement.At).TotalMilliseconds)));
        }
    }
}

var latencies = bySecond.Select(l => l.Latency).Order().ToList();
double P(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
Console.WriteLine($"  movement accepted -> marketplace call: p50 {P(0.50):0.0} ms, p90 {P(0.90):0.0} ms, p99 {P(0.99):0.0} ms, max {latencies[^1]:0.0} ms (n = {latencies.Count})");
// By the second of sending it was accepted in: a p50 that climbs through the run is a backlog growing, a
// single high second a stall.
Console.WriteLine("  p50 / max by second of sending: " + string.Join(", ", bySecond
    .GroupBy(l => l.Second)
    .OrderBy(g => g.Key)
    .Select(g =>
    {
        var sorted = g.Select(l => l.Latency).Order().ToList();
        return $"{sorted[sorted.Count / 2]:0}/{sorted[^1]:0}";
    })));
return 0;

async Task Throughput(string label, string idPrefix)
{
    Console.WriteLine($"{label}: {throughputMovements} movements, 100 per request, 4 senders");
    var sw = Stopwatch.StartNew();
    var next = 0;
    await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
    {
        while (true)
        {
            var first = Interlocked.Add(ref next, 100) - 100;
            if (first >= throughputMovements)
            {
                return;
            }

            var batch = Enumerable.Range(first, Math.Min(100, throughputMovements - first)).Select(i => ($"{idPrefix}{i}", i % skuCount)).ToList();
            await Move(batch, 1, expected);
        }
    }));
    var accepted = sw.Elapsed;
    var requestTimes = MoveTimes();
    await Until(async () =>
    {
        var q = await Quantities();
        return Enumerable.Range(0, skuCount).All(i => q.GetValueOrDefault($"L{i}") == expected[i]);
    }, "every SKU to reach its final quantity", TimeSpan.FromMinutes(5));
    var pushed = sw.Elapsed;
    Console.WriteLine($"  accepted in {accepted.TotalSeconds:0.00} s ({throughputMovements / accepted.TotalSeconds:0} movements/s accepted)");
    Console.WriteLine($"  fully pushed in {pushed.TotalSeconds:0.00} s ({throughputMovements / pushed.TotalSeconds:0} movements/s accepted and fully pushed)");
    Console.WriteLine($"  each request of 100 movements answered in: p50 {requestTimes.P50:0} ms, p99 {requestTimes.P99:0} ms");
}

(double P50, double P99) MoveTimes()
{
    List<double> times;
    lock (moveTimes)
    {
        times = [.. moveTimes.Order()];
        moveTimes.Clear();
    }

    return times.Count == 0 ? (0, 0) : (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)(times.Count * 0.99))]);
}

async Task<List<(int Sku, int Quantity)>> Move(List<(string Id, int Sku)> batch, int quantity, int[] totals)
{
    var movements = batch.Select(m => new { id = m.Id, merchantSkuCode = $"L{m.Sku}", warehouseCode = "WH", kind = "StockIn", quantity }).ToList();
    var started = Stopwatch.GetTimestamp();
    var response = await http.PostAsJsonAsync("/api/stock/movements", new { movements });
    response.EnsureSuccessStatusCode();
    lock (moveTimes)
    {
        moveTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    var result = new List<(int, int)>();
    foreach (var (_, sku) in batch)
    {
        result.Add((sku, Interlocked.Add(ref totals[sku], quantity)));
    }

    return result;
}

async Task<int> MappedCount()
{
    var mapped = 0;
    string? cursor = null;
    do
    {
        var page = await Send(HttpMethod.Get, $"/api/mapping/links?storeId={storeId}&limit=1000" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), null);
        mapped += page.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("merchantSkuId").ValueKind == JsonValueKind.String);
        cursor = page.GetProperty("nextCursor").GetString();
    }
    while (cursor is not null);
    return mapped;
}

async Task<Dictionary<string, int>> Quantities()
{
    var stock = await sandboxHttp.GetFromJsonAsync<JsonElement>($"/sandbox/stock?marketplace=Lazada&shop={token}");
    return stock.GetProperty("skus").EnumerateArray().ToDictionary(s => s.GetProperty("sku").GetString()!, s => s.GetProperty("quantity").GetInt32());
}

Task Until(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
    Eventually.WaitAsync(condition, timeout ?? TimeSpan.FromSeconds(60), what);

async Task<bool> TrySend(string path, object body) => (await http.PostAsJsonAsync(path, body)).IsSuccessStatusCode;

async Task<JsonElement> Send(HttpMethod method, string path, object? body)
{
    using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
    }

    return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
}
