using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.TestSupport;

/// <summary>
/// A service host (its real Program) on SQLite in a fresh temporary folder and MassTransit's in-memory bus.
/// Clients it creates act as the gateway does: they carry an authenticated tenant header.
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "pushinventory-tests", Guid.NewGuid().ToString("N"));
    readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    /// <summary>The temporary folder holding this host's SQLite files.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>Adds or overrides a configuration setting before the host starts.</summary>
    public ServiceFactory<TProgram> With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>The host's bus, to publish to it or record what it publishes.</summary>
    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>A client acting for <paramref name="tenantId"/> as the gateway would.</summary>
    public HttpClient CreateTenantClient(Guid tenantId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TenantHeaders.TenantId, tenantId.ToString());
        client.DefaultRequestHeaders.Add(TenantHeaders.Actor, "test");
        return client;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Messaging:Transport", "InMemory");
        builder.UseSetting("Persistence:Provider", "Sqlite");
        builder.UseSetting("Persistence:DataDirectory", _dataDirectory);
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_dataDirectory, "keys"));
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
