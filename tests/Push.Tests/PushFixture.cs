extern alias sandbox;

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PushInventory.Push.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.TestSupport;
using sandbox::PushInventory.Sandbox;

[assembly: AssemblyFixture(typeof(PushInventory.Push.Tests.PushFixture))]

namespace PushInventory.Push.Tests;

/// <summary>
/// The Push host (SQLite, in-memory bus) and the Sandbox marketplace on a real Kestrel port, shared by all
/// tests; every test works in a tenant of its own.
/// </summary>
public sealed class PushFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    WebApplication? _sandbox;

    public PushFactory Factory { get; } = WithTestSettings(new PushFactory());

    /// <summary>
    /// Fast retries and unthrottled connectors; a short lease, so that a store claimed by a host another test
    /// has just shut down is free again within seconds, not the minute a production lease lasts.
    /// </summary>
    static PushFactory WithTestSettings(PushFactory factory) => (PushFactory)factory
        .With("Push:Lease", "00:00:03")
        .With("Push:PollInterval", "00:00:00.200")
        .With("Push:RetryBaseDelay", "00:00:00.050")
        .With("Push:RetryMaxDelay", "00:00:00.400")
        .With("Push:MaxAttempts", "40")
        .With("Connectors:Shopee:CallsPerSecond", "500")
        .With("Connectors:Shopee:Burst", "100")
        .With("Connectors:Lazada:CallsPerSecond", "500")
        .With("Connectors:Lazada:Burst", "100")
        .With("Connectors:TikTokShop:CallsPerSecond", "500")
        .With("Connectors:TikTokShop:Burst", "100")
        .With("Connectors:Shopee:Timeout", "00:00:02")
        .With("Connectors:Lazada:Timeout", "00:00:02")
        .With("Connectors:TikTokShop:Timeout", "00:00:02");

    public HttpClient Sandbox { get; private set; } = null!;

    public Uri SandboxAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSandbox();
        _sandbox = builder.Build();
        _sandbox.MapSandbox();
        await _sandbox.StartAsync();
        SandboxAddress = new Uri(_sandbox.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Sandbox = new HttpClient { BaseAddress = SandboxAddress };
        _ = Factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        Sandbox?.Dispose();
        await Factory.DisposeAsync();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    /// <summary>Protects credentials JSON with the host's key ring, as the Catalog does.</summary>
    public string Protect(object credentials) =>
        Factory.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(DataProtectionExtensions.StoreCredentialsPurpose)
            .Protect(JsonSerializer.Serialize(credentials, Json));

    /// <summary>
    /// A second Push host with the same settings, database and key ring (started; the caller disposes it). Only
    /// for tests in the <see cref="SecondInstanceCollection"/>: while it runs it claims any tenant's stores and
    /// publishes on a bus of its own, so no other test may run beside it.
    /// </summary>
    public PushFactory SecondInstance()
    {
        var second = (PushFactory)WithTestSettings(new PushFactory())
            .With("Persistence:DataDirectory", Factory.DataDirectory)
            .With("DataProtection:KeysDirectory", Path.Combine(Factory.DataDirectory, "keys"))
            .With("Push:PollInterval", "00:00:00.050");
        _ = second.Server;
        return second;
    }

    /// <summary>Waits until the Push database satisfies <paramref name="condition"/> (used to wait for read models).</summary>
    internal async Task WaitForDbAsync(Func<PushDbContext, Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<PushDbContext>>();
        await Eventually.WaitAsync(
            async () =>
            {
                await using var db = await contexts.CreateDbContextAsync();
                return await condition(db);
            },
            timeout ?? TimeSpan.FromSeconds(20),
            what);
    }

    internal async Task<T> QueryDbAsync<T>(Func<PushDbContext, Task<T>> query)
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<PushDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}

/// <summary>Tests that start <see cref="PushFixture.SecondInstance"/>: run on their own, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SecondInstanceCollection
{
    public const string Name = "a second Push instance";
}
