using MassTransit;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;
using PushInventory.Push.Planning;

namespace PushInventory.Push.Consumers;

/// <summary>Keeps the newest snapshot of a rule. Saving a rule does not push by itself (Push Now does).</summary>
internal sealed class PushRuleChangedConsumer(PushDbContext db) : IConsumer<PushRuleChanged>
{
    public const string QueueName = "push-push-rule-changed";

    public async Task Consume(ConsumeContext<PushRuleChanged> context)
    {
        var message = context.Message;
        var rule = await db.Rules.FindAsync([message.RuleId], context.CancellationToken);
        if (rule is not null && (rule.Version >= message.Version || rule.TenantId != message.TenantId))
        {
            return;
        }

        if (rule is null)
        {
            rule = new PushRule { Id = message.RuleId, TenantId = message.TenantId, Snapshot = "" };
            db.Rules.Add(rule);
        }

        rule.Snapshot = RuleSnapshots.Serialize(message);
        rule.Deleted = message.Deleted;
        rule.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
