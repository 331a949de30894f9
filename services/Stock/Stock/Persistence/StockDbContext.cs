using Microsoft.EntityFrameworkCore;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.Stock.Domain;

namespace PushInventory.Stock.Persistence;

internal sealed class StockDbContext(DbContextOptions<StockDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<MerchantSku> MerchantSkus => Set<MerchantSku>();
    public DbSet<BundleComponent> BundleComponents => Set<BundleComponent>();
    public DbSet<StockLevel> Levels => Set<StockLevel>();
    public DbSet<BundleLevel> BundleLevels => Set<BundleLevel>();
    public DbSet<AppliedMovement> AppliedMovements => Set<AppliedMovement>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StockDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
