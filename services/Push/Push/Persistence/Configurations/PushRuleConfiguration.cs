using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class PushRuleConfiguration : IEntityTypeConfiguration<PushRule>
{
    public void Configure(EntityTypeBuilder<PushRule> builder)
    {
        builder.ToTable("push_rules");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.TenantId);
    }
}
