namespace PushInventory.Mapping.Domain;

/// <summary>Replace every <see cref="From"/> (case-insensitive) with <see cref="To"/> (may be empty).</summary>
internal sealed record Replacement(string From, string To);
