using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules.Persistence.Configurations;

internal sealed class PushRuleConfiguration : IEntityTypeConfiguration<PushRule>
{
    public void Configure(EntityTypeBuilder<PushRule> builder)
    {
        builder.ToTable("push_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(RuleLimits.MaxNameLength);
        builder.Property(r => r.ScopeKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Rounding).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Percent).HasPrecision(9, RuleLimits.PercentScale);
        builder.Property(r => r.ScopeMerchantSkuCodes).AsJsonList();
        builder.Property(r => r.ScopeStoreIds).AsJsonList();
        builder.Property(r => r.ScopeCategoryIds).AsJsonList();
        builder.Property(r => r.WarehouseCodes).AsJsonList();
        // Two writers of one rule: the second save fails instead of overwriting the first.
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.Stores).WithOne().HasForeignKey(s => s.RuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TenantId, r.Priority, r.CreatedAt, r.Id });
        builder.Ignore(r => r.StoreIds);
        builder.Ignore(r => r.Scope);
        builder.Ignore(r => r.Quantity);
        builder.Ignore(r => r.AboutToSellOut);
        builder.Ignore(r => r.PreOrder);
    }
}
