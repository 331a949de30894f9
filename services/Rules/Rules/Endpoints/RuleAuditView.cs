using System.Text.Json;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules.Endpoints;

/// <summary>One audit entry: the rule's version after the change, the action, who and when, and the snapshots.</summary>
internal sealed record RuleAuditView(long Version, RuleAction Action, string Actor, DateTime At, JsonElement? Before, JsonElement? After);
