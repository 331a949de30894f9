using Microsoft.EntityFrameworkCore;
using PushInventory.Rules.Domain;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Rules.Persistence;

internal sealed class RulesDbContext(DbContextOptions<RulesDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<PushRule> Rules => Set<PushRule>();
    public DbSet<PushRuleStore> RuleStores => Set<PushRuleStore>();
    public DbSet<RuleAuditEntry> Audit => Set<RuleAuditEntry>();
    public DbSet<TenantSettings> TenantSettings => Set<TenantSettings>();
    public DbSet<TenantRuleLock> RuleLocks => Set<TenantRuleLock>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<MerchantSku> MerchantSkus => Set<MerchantSku>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RulesDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
