namespace PushInventory.Sandbox.Domain;

/// <summary>Why one SKU of a call was not applied.</summary>
internal enum SkuFailure
{
    None,
    NotFound,
    BelowReserved,
    Partial,

    /// <summary>A fault set for one of the SKU's warehouses.</summary>
    Warehouse,
}
