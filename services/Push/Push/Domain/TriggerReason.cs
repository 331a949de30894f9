namespace PushInventory.Push.Domain;

/// <summary>What made the Push service recompute a store SKU.</summary>
internal enum TriggerReason
{
    StockChanged,
    MappingChanged,
    StoreSkuChanged,
    PushNow,
    Retry,
}
