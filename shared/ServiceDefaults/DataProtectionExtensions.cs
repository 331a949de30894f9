using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PushInventory.ServiceDefaults;

/// <summary>One Data Protection key ring shared by the services that handle store credentials.</summary>
public static class DataProtectionExtensions
{
    /// <summary>The purpose store credentials are protected with (Catalog protects, Push unprotects).</summary>
    public const string StoreCredentialsPurpose = "PushInventory.StoreCredentials";

    /// <summary>
    /// Keys under <c>DataProtection:KeysDirectory</c> (default <c>{Persistence:DataDirectory}/keys</c>) with one
    /// application name, so Catalog and Push read each other's payloads. Operators protect the folder.
    /// </summary>
    public static IHostApplicationBuilder AddSharedDataProtection(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration["DataProtection:KeysDirectory"];
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.Configuration["Persistence:DataDirectory"] ?? ".data", "keys")
            : configured;
        folder = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, folder));
        Directory.CreateDirectory(folder);
        builder.Services.AddDataProtection()
            .SetApplicationName("PushInventory")
            .PersistKeysToFileSystem(new DirectoryInfo(folder));
        return builder;
    }
}
