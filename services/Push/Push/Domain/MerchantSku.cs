namespace PushInventory.Push.Domain;

/// <summary>A merchant SKU (single or bundle), learnt from <c>MerchantSkuChanged</c>.</summary>
internal sealed class MerchantSku
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Code { get; set; }
    public required string NormalizedCode { get; set; }
    public Guid? CategoryId { get; set; }
    public bool IsBundle { get; set; }
    public bool Deleted { get; set; }
    public long Version { get; set; }
    public List<BundleComponent> Components { get; set; } = [];
}
