using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules.Persistence.Configurations;

internal sealed class PushRuleStoreConfiguration : IEntityTypeConfiguration<PushRuleStore>
{
    public void Configure(EntityTypeBuilder<PushRuleStore> builder)
    {
        builder.ToTable("push_rule_stores");
        builder.HasKey(s => new { s.RuleId, s.StoreId });
        builder.HasIndex(s => new { s.TenantId, s.StoreId });
    }
}
