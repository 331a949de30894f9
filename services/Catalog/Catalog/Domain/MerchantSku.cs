namespace PushInventory.Catalog.Domain;

/// <summary>The seller's own SKU, single or bundle. The code is fixed at creation; <see cref="Version"/> grows by one per change.</summary>
internal sealed class MerchantSku
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Code { get; set; }
    public required string NormalizedCode { get; set; }
    public required string Name { get; set; }
    public Guid? CategoryId { get; set; }
    public bool IsBundle { get; set; }
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<MerchantSkuComponent> Components { get; set; } = [];
}
