using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Stock.Domain;

namespace PushInventory.Stock.Persistence.Configurations;

internal sealed class BundleLevelConfiguration : IEntityTypeConfiguration<BundleLevel>
{
    public void Configure(EntityTypeBuilder<BundleLevel> builder)
    {
        builder.ToTable("bundle_levels");
        builder.HasKey(l => new { l.TenantId, l.BundleId, l.WarehouseId });
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
