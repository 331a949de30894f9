using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PushInventory.TestSupport;

namespace PushInventory.Push.Tests;

/// <summary>The Push host as <see cref="ServiceFactory{TProgram}"/> runs it, with its warnings captured.</summary>
public sealed class PushFactory : ServiceFactory<Program>
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:PushInventory.Push", "Debug");
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}
