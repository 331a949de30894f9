namespace PushInventory.Push.Domain;

/// <summary>One component of a bundle merchant SKU.</summary>
internal sealed class BundleComponent
{
    public Guid TenantId { get; set; }
    public Guid BundleId { get; set; }
    public Guid ComponentId { get; set; }
    public required string ComponentCode { get; set; }
    public int Quantity { get; set; }
}
