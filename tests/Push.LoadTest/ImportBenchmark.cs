using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PushInventory.TestSupport;

/// <summary>Times one CSV import of merchant SKUs through the public API, three fresh tenants in a row.</summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(Uri baseUrl, string adminKey, int rows)
    {
        var csv = new StringBuilder("code,name,category\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"IMP-{i:D6},\"Imported, item {i}\",Category {i % 20}\n");
        }

        var body = csv.ToString();
        Console.WriteLine($"import: {rows} rows, {Encoding.UTF8.GetByteCount(body) / 1024} KiB, against {baseUrl}");
        for (var run = 1; run <= 3; run++)
        {
            using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Add("X-Admin-Key", adminKey);
            var tenant = await (await http.PostAsJsonAsync("/api/admin/tenants", new { name = $"Import {run}", plan = "Pro" })).Content.ReadFromJsonAsync<JsonElement>();
            http.DefaultRequestHeaders.Add("X-Api-Key", tenant.GetProperty("apiKey").GetString());
            // The plan reaches the services by the gateway's event (the Free limit would refuse rows 501 on):
            // wait until the Rules service, which learns it from the same event, shows it.
            await Eventually.WaitAsync(
                async () => (await http.GetFromJsonAsync<JsonElement>("/api/settings")).GetProperty("plan").GetString() == "Pro",
                TimeSpan.FromSeconds(30),
                "the tenant's Pro plan to reach the services");

            var watch = Stopwatch.StartNew();
            using var content = new StringContent(body, Encoding.UTF8, "text/csv");
            var response = await http.PostAsync("/api/catalog/merchant-skus/import", content);
            var elapsed = watch.Elapsed;
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            Console.WriteLine($"  run {run}: {(int)response.StatusCode} in {elapsed.TotalSeconds:0.00} s: created {result.GetProperty("created")}, failed {result.GetProperty("failed")}");
        }

        return 0;
    }
}
