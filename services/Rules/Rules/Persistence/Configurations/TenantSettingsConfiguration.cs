using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules.Persistence.Configurations;

internal sealed class TenantSettingsConfiguration : IEntityTypeConfiguration<TenantSettings>
{
    public void Configure(EntityTypeBuilder<TenantSettings> builder)
    {
        builder.ToTable("tenant_settings");
        builder.HasKey(t => t.TenantId);
        builder.Property(t => t.TenantId).ValueGeneratedNever();
        builder.Property(t => t.Plan).HasConversion<string>().HasMaxLength(20);
        // The switch (HTTP) and the plan (bus) can change at once: the second save fails and is retried or answered 409.
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
