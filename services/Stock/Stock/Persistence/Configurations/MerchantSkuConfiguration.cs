using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Stock.Domain;

namespace PushInventory.Stock.Persistence.Configurations;

internal sealed class MerchantSkuConfiguration : IEntityTypeConfiguration<MerchantSku>
{
    public void Configure(EntityTypeBuilder<MerchantSku> builder)
    {
        builder.ToTable("merchant_skus");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(100);
        builder.Property(s => s.NormalizedCode).HasMaxLength(100);
        builder.HasIndex(s => new { s.TenantId, s.NormalizedCode });
        builder.HasMany(s => s.Components).WithOne().HasForeignKey(c => c.BundleId).OnDelete(DeleteBehavior.Cascade);
    }
}
