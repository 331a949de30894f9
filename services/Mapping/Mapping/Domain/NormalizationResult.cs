namespace PushInventory.Mapping.Domain;

/// <summary>A code, each rule's result in order, and the final key.</summary>
internal sealed record NormalizationResult(string Input, IReadOnlyList<NormalizationStep> Steps, string Normalized);
