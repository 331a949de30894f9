using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules.Persistence.Configurations;

internal sealed class TenantRuleLockConfiguration : IEntityTypeConfiguration<TenantRuleLock>
{
    public void Configure(EntityTypeBuilder<TenantRuleLock> builder)
    {
        builder.ToTable("tenant_rule_locks");
        builder.HasKey(l => l.TenantId);
        builder.Property(l => l.TenantId).ValueGeneratedNever();
        builder.Property(l => l.Revision).IsConcurrencyToken();
    }
}
