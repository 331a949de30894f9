namespace PushInventory.Stock.Domain;

internal sealed class BundleComponent
{
    public Guid TenantId { get; set; }
    public Guid BundleId { get; set; }
    public Guid ComponentId { get; set; }
    public int Quantity { get; set; }
}
