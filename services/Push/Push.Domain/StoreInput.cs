using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>A marketplace shop.</summary>
public sealed record StoreInput(Guid Id, Marketplace Marketplace, string Name);
