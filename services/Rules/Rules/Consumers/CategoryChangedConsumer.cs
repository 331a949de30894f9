using MassTransit;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults.Messaging;

namespace PushInventory.Rules.Consumers;

/// <summary>Keeps the newest version of each category; a stale or repeated version changes nothing.</summary>
internal sealed class CategoryChangedConsumer(RulesDbContext db) : IConsumer<CategoryChanged>
{
    public const string QueueName = "rules-category-changed";

    public async Task Consume(ConsumeContext<CategoryChanged> context)
    {
        var message = context.Message;
        if (message.TenantId == Guid.Empty || message.CategoryId == Guid.Empty)
        {
            throw new InvalidMessageException("CategoryChanged without a tenantId or categoryId.");
        }

        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == message.CategoryId, context.CancellationToken);
        if (category is not null && category.Version >= message.Version)
        {
            return;
        }

        if (category is null)
        {
            category = new Category { Id = message.CategoryId, TenantId = message.TenantId, Name = "" };
            db.Categories.Add(category);
        }

        category.Name = (message.Name ?? "").Trim();
        category.Deleted = message.Deleted;
        category.Version = message.Version;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
