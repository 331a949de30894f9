namespace PushInventory.Mapping.Domain;

/// <summary>An ignored prefix: <see cref="Value"/> for Fixed, <see cref="Count"/> for FirstN, <see cref="Delimiter"/> and <see cref="Occurrence"/> for UpToNthDelimiter.</summary>
internal sealed record PrefixRule(PrefixKind Kind, string? Value = null, int? Count = null, string? Delimiter = null, int? Occurrence = null);
