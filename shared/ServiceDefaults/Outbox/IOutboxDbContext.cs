using Microsoft.EntityFrameworkCore;

namespace PushInventory.ServiceDefaults.Outbox;

/// <summary>A service DbContext that holds its own outbox and inbox tables.</summary>
public interface IOutboxDbContext
{
    /// <summary>Messages waiting to be (or already) published.</summary>
    DbSet<OutboxMessage> OutboxMessages { get; }

    /// <summary>Messages already handled.</summary>
    DbSet<InboxMessage> InboxMessages { get; }
}
