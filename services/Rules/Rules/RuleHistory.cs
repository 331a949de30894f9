using System.Text.Json;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Endpoints;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Rules;

/// <summary>What every rule change leaves behind, in the caller's unit of work: an audit entry and a <c>PushRuleChanged</c>.</summary>
internal static class RuleHistory
{
    static readonly JsonSerializerOptions Json = CreateJson();

    static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }

    /// <summary>Call after the rule's version was bumped; <paramref name="before"/> is null for a creation.</summary>
    public static void Record(RulesDbContext db, PushRule rule, RuleAction action, RuleView? before, string actor, DateTime now)
    {
        db.Audit.Add(new RuleAuditEntry
        {
            Id = Guid.CreateVersion7(),
            TenantId = rule.TenantId,
            RuleId = rule.Id,
            RuleVersion = rule.Version,
            Action = action,
            Actor = actor.Length > 200 ? actor[..200] : actor,
            At = now,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = action == RuleAction.Deleted ? null : JsonSerializer.Serialize(RuleView.From(rule), Json),
        });
        db.AddOutboxMessage(rule.ToMessage(now), now);
    }

    public static RuleAuditView ToView(RuleAuditEntry entry) =>
        new(entry.RuleVersion, entry.Action, entry.Actor, DateTime.SpecifyKind(entry.At, DateTimeKind.Utc), Parse(entry.Before), Parse(entry.After));

    static JsonElement? Parse(string? json) => json is null ? null : JsonElement.Parse(json);
}
