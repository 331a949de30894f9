namespace PushInventory.Rules.Domain;

/// <summary>A warehouse, learnt from the Stock service's <c>WarehouseChanged</c>.</summary>
internal sealed class Warehouse
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Code { get; set; }
    public required string NormalizedCode { get; set; }
    public required string Name { get; set; }
    public long Version { get; set; }
}
