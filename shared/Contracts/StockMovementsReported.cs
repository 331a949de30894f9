namespace PushInventory.Contracts;

/// <summary>
/// A batch of stock movements from an order system. Published to the bus (or sent as raw JSON to the
/// Stock service's <c>stock-movements</c> queue) or posted to <c>POST /api/stock/movements</c>.
/// Each movement is applied on its own; a rejected one does not stop the rest.
/// </summary>
/// <param name="TenantId">The seller account the movements belong to.</param>
/// <param name="Movements">Up to 1000 movements, applied in order.</param>
public sealed record StockMovementsReported(Guid TenantId, IReadOnlyList<StockMovement> Movements);
