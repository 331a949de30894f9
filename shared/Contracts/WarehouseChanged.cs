namespace PushInventory.Contracts;

/// <summary>A warehouse was created or changed in the Stock service.</summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="WarehouseId">The warehouse's id.</param>
/// <param name="Code">The warehouse's code.</param>
/// <param name="Name">The warehouse's name.</param>
/// <param name="Version">Grows by one with every change of this warehouse.</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
public sealed record WarehouseChanged(Guid TenantId, Guid WarehouseId, string Code, string Name, long Version, DateTime OccurredAt);
