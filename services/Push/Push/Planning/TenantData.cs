using PushInventory.Push.Domain;

namespace PushInventory.Push.Planning;

/// <summary>What a recompute loaded: the engine's snapshot and the rows the decisions are written against.</summary>
internal sealed record TenantData(
    TenantSnapshot Snapshot,
    IReadOnlyDictionary<Guid, Store> Stores,
    IReadOnlyDictionary<Guid, StoreSku> StoreSkus,
    IReadOnlyDictionary<Guid, PushState> States);
