using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class BundleComponentConfiguration : IEntityTypeConfiguration<BundleComponent>
{
    public void Configure(EntityTypeBuilder<BundleComponent> builder)
    {
        builder.ToTable("bundle_components");
        builder.HasKey(c => new { c.BundleId, c.ComponentId });
        builder.HasIndex(c => new { c.TenantId, c.ComponentId });
        builder.Property(c => c.ComponentCode).HasMaxLength(200);
    }
}
