namespace PushInventory.Rules.Domain;

/// <summary>
/// One row per tenant whose revision every rule creation on a limited plan bumps: two concurrent creations
/// cannot both pass the "one rule" check, the second save fails on the concurrency token.
/// </summary>
internal sealed class TenantRuleLock
{
    public Guid TenantId { get; set; }
    public long Revision { get; set; }
}
