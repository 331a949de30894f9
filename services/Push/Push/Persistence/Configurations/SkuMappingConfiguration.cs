using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class SkuMappingConfiguration : IEntityTypeConfiguration<SkuMapping>
{
    public void Configure(EntityTypeBuilder<SkuMapping> builder)
    {
        builder.ToTable("mappings");
        builder.HasKey(m => m.StoreSkuId);
        builder.HasIndex(m => new { m.TenantId, m.MerchantSkuId });
        builder.Property(m => m.MerchantSkuCode).HasMaxLength(200);
    }
}
