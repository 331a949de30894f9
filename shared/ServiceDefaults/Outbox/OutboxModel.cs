using Microsoft.EntityFrameworkCore;

namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>The outbox and inbox tables, shared by every service's model.</summary>
public static class OutboxModel
{
    /// <summary>Adds <c>outbox_messages</c> and <c>inbox_messages</c> to a model.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(m => m.Id).IsUnique();
            e.Property(m => m.MessageType).HasMaxLength(500);
            e.Property(m => m.TraceParent).HasMaxLength(128);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => new { m.SentAt, m.Sequence });
            // What the dispatcher looks for: small however many sent rows the retention keeps.
            e.HasIndex(m => m.Sequence, "IX_outbox_messages_unsent").HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.HasIndex(m => m.HandledAt);
        });
        return model;
    }
}
