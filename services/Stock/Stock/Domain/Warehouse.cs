namespace PushInventory.Stock.Domain;

internal sealed class Warehouse
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Code { get; set; }
    public required string NormalizedCode { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
}
