namespace PushInventory.Sandbox.Domain;

/// <summary>What the sandbox checks signatures and tokens against.</summary>
internal sealed record ShopCredentials(
    long PartnerId,
    string PartnerKey,
    long ShopId,
    string AppKey,
    string AppSecret,
    string AccessToken,
    string ShopCipher);
