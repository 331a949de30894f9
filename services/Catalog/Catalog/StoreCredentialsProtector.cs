using Microsoft.AspNetCore.DataProtection;
using PushInventory.ServiceDefaults;

namespace PushInventory.Catalog;

/// <summary>
/// Protects a store's credentials JSON with the shared key ring (purpose <see cref="DataProtectionExtensions.StoreCredentialsPurpose"/>),
/// so only the protected payload is stored or published and the Push service can unprotect it.
/// </summary>
internal sealed class StoreCredentialsProtector(IDataProtectionProvider provider)
{
    readonly IDataProtector _protector = provider.CreateProtector(DataProtectionExtensions.StoreCredentialsPurpose);

    public string Protect(string json) => _protector.Protect(json);

    public string Unprotect(string payload) => _protector.Unprotect(payload);
}
