namespace PushInventory.Contracts;

/// <summary>A merchant SKU category was created, renamed or deleted.</summary>
/// <param name="TenantId">The seller account.</param>
/// <param name="CategoryId">The category's id.</param>
/// <param name="Name">The category's name.</param>
/// <param name="Deleted">True when the category was deleted.</param>
/// <param name="Version">Grows by one with every change of this category.</param>
/// <param name="OccurredAt">When the change happened (UTC).</param>
public sealed record CategoryChanged(Guid TenantId, Guid CategoryId, string Name, bool Deleted, long Version, DateTime OccurredAt);
