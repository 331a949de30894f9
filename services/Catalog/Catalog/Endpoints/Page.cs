namespace PushInventory.Catalog.Endpoints;

/// <summary>One page of a list; <see cref="NextCursor"/> is null on the last page.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
