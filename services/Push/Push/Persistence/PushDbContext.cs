using Microsoft.EntityFrameworkCore;
using PushInventory.Push.Domain;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Push.Persistence;

internal sealed class PushDbContext(DbContextOptions<PushDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<TenantSettings> TenantSettings => Set<TenantSettings>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<StoreSku> StoreSkus => Set<StoreSku>();
    public DbSet<SkuMapping> Mappings => Set<SkuMapping>();
    public DbSet<MerchantSku> MerchantSkus => Set<MerchantSku>();
    public DbSet<BundleComponent> BundleComponents => Set<BundleComponent>();
    public DbSet<PushRule> Rules => Set<PushRule>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<PushState> States => Set<PushState>();
    public DbSet<PushRecord> Records => Set<PushRecord>();
    public DbSet<PushJob> Jobs => Set<PushJob>();
    public DbSet<StoreLease> StoreLeases => Set<StoreLease>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PushDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
