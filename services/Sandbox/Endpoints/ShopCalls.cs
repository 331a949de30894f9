namespace PushInventory.Sandbox.Endpoints;

/// <summary>Every marketplace call a shop received (served or not), oldest first, and how many were answered with throttling.</summary>
internal sealed record ShopCalls(int Count, IReadOnlyList<DateTimeOffset> Timestamps, int Throttled);
