namespace PushInventory.Mapping.Domain;

/// <summary>What the Mapping service knows of a Catalog merchant SKU, learnt from <c>MerchantSkuChanged</c>.</summary>
internal sealed class MerchantSku
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Code { get; set; }
    public required string NormalizedCode { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }
}
