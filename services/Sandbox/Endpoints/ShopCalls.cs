namespace PushInventory.Sandbox.Endpoints;

/// <summary>Every marketplace call a shop received (served or not), oldest first.</summary>
internal sealed record ShopCalls(int Count, IReadOnlyList<DateTimeOffset> Timestamps);
