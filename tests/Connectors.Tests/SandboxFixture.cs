using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PushInventory.Sandbox;

[assembly: AssemblyFixture(typeof(PushInventory.Connectors.Tests.SandboxFixture))]

namespace PushInventory.Connectors.Tests;

/// <summary>The Sandbox on a real Kestrel server on 127.0.0.1 with a free port, shared by all tests.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = null!;

    public SandboxDriver Driver { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSandbox();
        app = builder.Build();
        app.MapSandbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        Driver = new SandboxDriver(new HttpClient { BaseAddress = BaseAddress });
    }

    public async ValueTask DisposeAsync()
    {
        Driver?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
