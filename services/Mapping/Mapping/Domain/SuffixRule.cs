namespace PushInventory.Mapping.Domain;

/// <summary>An ignored suffix: <see cref="Value"/> for Fixed, <see cref="Count"/> for LastN, <see cref="Delimiter"/> and <see cref="Occurrence"/> for FromNthLastDelimiter.</summary>
internal sealed record SuffixRule(SuffixKind Kind, string? Value = null, int? Count = null, string? Delimiter = null, int? Occurrence = null);
