using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Mapping.Domain;

namespace PushInventory.Mapping.Persistence.Configurations;

internal sealed class MappingChangeConfiguration : IEntityTypeConfiguration<MappingChange>
{
    public void Configure(EntityTypeBuilder<MappingChange> builder)
    {
        builder.ToTable("mapping_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.MerchantSkuCodeBefore).HasMaxLength(200);
        builder.Property(c => c.MerchantSkuCodeAfter).HasMaxLength(200);
        builder.Property(c => c.ChangedBy).HasMaxLength(200);
        builder.Property(c => c.Reason).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(c => new { c.TenantId, c.ChangedAt, c.Id });
        builder.HasIndex(c => new { c.TenantId, c.StoreSkuId, c.ChangedAt, c.Id });
    }
}
