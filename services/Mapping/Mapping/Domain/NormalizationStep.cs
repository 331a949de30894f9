namespace PushInventory.Mapping.Domain;

/// <summary>One rule applied to a code: what it made of it, and a note when it did not apply.</summary>
internal sealed record NormalizationStep(string Rule, string Result, string? Note);
