namespace PushInventory.Mapping.Domain;

/// <summary>A tenant's normalisation document: the rules (as JSON) and whether new SKUs are auto-mapped.</summary>
internal sealed class NormalizationSettings
{
    public Guid TenantId { get; set; }
    public bool AutoMapNewStoreSkus { get; set; }
    public required string RulesJson { get; set; }
    public long Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    public NormalizationRules Rules => NormalizationRules.FromJson(RulesJson);
}
