namespace PushInventory.Rules.Domain;

/// <summary>What a rule audit entry records.</summary>
internal enum RuleAction
{
    Created,
    Updated,
    Deleted,
}
