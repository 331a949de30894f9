using System.Net;
using PushInventory.TestSupport;
using Shouldly;
using Xunit;

namespace PushInventory.EndToEnd.Tests;

/// <summary>Issue 2: every host listens where <c>--urls</c> / <c>ASPNETCORE_URLS</c> says, the embedded one included.</summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task EmbeddedHost_WithOnlyAspNetCoreUrls_ListensThere()
    {
        var data = Path.Combine(Path.GetTempPath(), "pushinventory-tests", "e2e-urls-" + Guid.NewGuid().ToString("N"));
        try
        {
            // StartAsync waits for /health on the free port it put in ASPNETCORE_URLS (no --urls argument).
            await using var embedded = await ServiceProcess.StartAsync("embedded-urls", "services/Embedded", new Dictionary<string, string>
            {
                ["Gateway__AdminApiKey"] = EmbeddedHost.AdminKey,
                ["Persistence__DataDirectory"] = data,
                ["DataProtection__KeysDirectory"] = Path.Combine(data, "keys"),
            }, urlsFromEnvironment: true);

            using var http = new HttpClient { BaseAddress = embedded.Address };
            (await http.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.GetAsync("/alive")).StatusCode.ShouldBe(HttpStatusCode.OK);
            embedded.Output.ShouldNotContain("localhost:5080");
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold a file for a moment; the temp folder is cleaned by the OS later.
            }
        }
    }
}
