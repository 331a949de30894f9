using Microsoft.EntityFrameworkCore;
using PushInventory.Catalog.Domain;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Catalog.Persistence;

internal sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<MerchantSku> MerchantSkus => Set<MerchantSku>();
    public DbSet<MerchantSkuComponent> Components => Set<MerchantSkuComponent>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<StoreSku> StoreSkus => Set<StoreSku>();
    public DbSet<MappedStoreSku> MappedStoreSkus => Set<MappedStoreSku>();
    public DbSet<TenantPlan> Tenants => Set<TenantPlan>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
