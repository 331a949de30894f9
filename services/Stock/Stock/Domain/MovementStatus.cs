namespace PushInventory.Stock.Domain;

internal enum MovementStatus
{
    Applied,
    Duplicate,
    Rejected,
}
