namespace PushInventory.Push.Domain;

/// <summary>A bundle component by interned code id.</summary>
internal readonly record struct ComponentRef(int CodeId, int Quantity);
