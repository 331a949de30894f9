using PushInventory.TestSupport;
using Xunit;

[assembly: AssemblyFixture(typeof(PushInventory.EndToEnd.Tests.EmbeddedHost))]

namespace PushInventory.EndToEnd.Tests;

/// <summary>The embedded host as a real process (in-memory bus, SQLite, the Sandbox under /sandbox), shared by every test; each test has its own tenant.</summary>
public sealed class EmbeddedHost : IAsyncLifetime
{
    public const string AdminKey = "e2e-admin-key";

    readonly string _data = Path.Combine(Path.GetTempPath(), "pushinventory-tests", "e2e-" + Guid.NewGuid().ToString("N"));

    public ServiceProcess Process { get; private set; } = null!;

    public Uri Address => Process.Address;

    /// <summary>The embedded host serves the gateway's paths and the Sandbox itself.</summary>
    public SystemUnderTest System => new(Process.Address, AdminKey, Process.Address);

    public async ValueTask InitializeAsync()
    {
        Process = await ServiceProcess.StartAsync("embedded", "services/Embedded", new Dictionary<string, string>
        {
            ["Gateway__AdminApiKey"] = AdminKey,
            ["Gateway__RateLimitPerSecond"] = "5000",
            ["Gateway__RateLimitBurst"] = "10000",
            ["Persistence__DataDirectory"] = _data,
            ["DataProtection__KeysDirectory"] = Path.Combine(_data, "keys"),
            ["Outbox__PollInterval"] = "00:00:00.200",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
