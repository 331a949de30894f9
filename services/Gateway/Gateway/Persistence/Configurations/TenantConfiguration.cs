using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Gateway.Domain;

namespace PushInventory.Gateway.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Plan).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ApiKeyHash).HasMaxLength(64);
        builder.Property(t => t.ApiKeyPrefix).HasMaxLength(16);
        builder.HasIndex(t => t.ApiKeyHash).IsUnique();
    }
}
