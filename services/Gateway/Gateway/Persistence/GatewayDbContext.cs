using Microsoft.EntityFrameworkCore;
using PushInventory.Gateway.Domain;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Gateway.Persistence;

internal sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
