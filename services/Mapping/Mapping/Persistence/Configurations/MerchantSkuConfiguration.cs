using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Mapping.Domain;

namespace PushInventory.Mapping.Persistence.Configurations;

internal sealed class MerchantSkuConfiguration : IEntityTypeConfiguration<MerchantSku>
{
    public void Configure(EntityTypeBuilder<MerchantSku> builder)
    {
        builder.ToTable("merchant_skus");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(200);
        builder.Property(s => s.NormalizedCode).HasMaxLength(200);
        // Not unique: a deleted SKU's code may come back on a new SKU; the Catalog keeps live codes unique.
        builder.HasIndex(s => new { s.TenantId, s.NormalizedCode });
    }
}
