using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using PushInventory.Connectors;
using PushInventory.ServiceDefaults;

namespace PushInventory.Push.Dispatch;

/// <summary>Unprotects a store's credentials (the Catalog's camelCase JSON) just before a push. Never logs them.</summary>
internal sealed class StoreCredentialsReader(IDataProtectionProvider provider)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly IDataProtector _protector = provider.CreateProtector(DataProtectionExtensions.StoreCredentialsPurpose);

    /// <summary>The credentials, or null when the payload cannot be read with this key ring.</summary>
    public StoreCredentials? Read(string protectedCredentials)
    {
        if (string.IsNullOrEmpty(protectedCredentials))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoreCredentials>(_protector.Unprotect(protectedCredentials), Json);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
