using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class MerchantSkuConfiguration : IEntityTypeConfiguration<MerchantSku>
{
    public void Configure(EntityTypeBuilder<MerchantSku> builder)
    {
        builder.ToTable("merchant_skus");
        builder.HasKey(s => s.Id);
        // Not unique: a read model may briefly hold a deleted SKU and its re-created namesake.
        builder.HasIndex(s => new { s.TenantId, s.NormalizedCode });
        builder.Property(s => s.Code).HasMaxLength(200);
        builder.Property(s => s.NormalizedCode).HasMaxLength(200);
        builder.HasMany(s => s.Components).WithOne().HasForeignKey(c => c.BundleId).OnDelete(DeleteBehavior.Cascade);
    }
}
