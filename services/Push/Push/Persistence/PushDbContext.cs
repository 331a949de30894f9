using Microsoft.EntityFrameworkCore;
using PushInventory.Push.Domain;
using PushInventory.ServiceDefaults.Outbox;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Push.Persistence;

internal sealed class PushDbContext(DbContextOptions<PushDbContext> options) : DbContext(options), IOutboxDbContext, ISaveHook
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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSaveAsync(CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await BeforeSaveAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Renews the catalog stamp of each tenant whose mappings, merchant SKUs, bundle recipes, rules or stores this
    /// save changes, in the same transaction (a tenant without settings yet gets a row with the defaults).
    /// </summary>
    public async Task BeforeSaveAsync(CancellationToken cancellationToken)
    {
        if (!TracksCatalog())
        {
            return;
        }

        var tenants = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                SkuMapping m => m.TenantId,
                MerchantSku m => m.TenantId,
                BundleComponent c => c.TenantId,
                PushRule r => r.TenantId,
                Store s => s.TenantId,
                _ => (Guid?)null,
            })
            .OfType<Guid>()
            .Distinct()
            .Where(tenantId => !StampRenewed(tenantId))
            .ToList();
        if (tenants.Count == 0)
        {
            return;
        }

        var settings = await TenantSettings.Where(t => tenants.Contains(t.TenantId)).ToDictionaryAsync(t => t.TenantId, cancellationToken);
        foreach (var tenantId in tenants)
        {
            if (!settings.TryGetValue(tenantId, out var row))
            {
                row = TenantSettings.Local.FirstOrDefault(t => t.TenantId == tenantId) ?? TenantSettings.Add(new TenantSettings { TenantId = tenantId }).Entity;
            }

            row.CatalogStamp = Guid.NewGuid();

            // Marked, not detected: the save that follows may run with change detection off.
            var entry = Entry(row);
            if (entry.State != EntityState.Added)
            {
                entry.Property(t => t.CatalogStamp).IsModified = true;
            }
        }
    }

    /// <summary>
    /// Whether any catalog row is tracked at all, looked up without detecting changes: the hot saves (a recompute
    /// of stock changes, a settle) track none, and need not pay for detecting changes once more here.
    /// </summary>
    bool TracksCatalog()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return ChangeTracker.Entries().Any(e => e.Entity is SkuMapping or MerchantSku or BundleComponent or PushRule or Store);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Whether this save already renews the tenant's stamp (a save with set-based writes calls the hook twice).</summary>
    bool StampRenewed(Guid tenantId) =>
        TenantSettings.Local.FirstOrDefault(t => t.TenantId == tenantId) is { } row
        && Entry(row) is var entry
        && (entry.State == EntityState.Added || entry.Property(t => t.CatalogStamp).IsModified);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PushDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
