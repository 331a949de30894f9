using Microsoft.EntityFrameworkCore;
using PushInventory.Mapping.Domain;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Mapping.Persistence;

internal sealed class MappingDbContext(DbContextOptions<MappingDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<MerchantSku> MerchantSkus => Set<MerchantSku>();
    public DbSet<StoreSku> StoreSkus => Set<StoreSku>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<MappingChange> Changes => Set<MappingChange>();
    public DbSet<NormalizationSettings> NormalizationSettings => Set<NormalizationSettings>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MappingDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
