namespace PushInventory.Rules.Domain;

/// <summary>A merchant SKU code, learnt from <c>MerchantSkuChanged</c>, so rules can only name codes that exist.</summary>
internal sealed class MerchantSku
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Code { get; set; }
    public required string NormalizedCode { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }
}
