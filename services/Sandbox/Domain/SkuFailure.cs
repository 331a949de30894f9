namespace PushInventory.Sandbox.Domain;

/// <summary>Why one SKU of a call was not applied.</summary>
internal enum SkuFailure
{
    None,
    NotFound,
    BelowReserved,
    Partial,
}
