using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules.Persistence.Configurations;

internal sealed class RuleAuditEntryConfiguration : IEntityTypeConfiguration<RuleAuditEntry>
{
    public void Configure(EntityTypeBuilder<RuleAuditEntry> builder)
    {
        builder.ToTable("rule_audit");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Actor).HasMaxLength(200);
        builder.HasIndex(a => new { a.TenantId, a.RuleId, a.RuleVersion }).IsUnique();
    }
}
