namespace PushInventory.Catalog.Domain;

/// <summary>One component of a bundle: a single merchant SKU and how many units one bundle takes.</summary>
internal sealed class MerchantSkuComponent
{
    public Guid TenantId { get; set; }
    public Guid BundleId { get; set; }
    public Guid ComponentId { get; set; }
    public int Quantity { get; set; }
    public int Position { get; set; }
}
