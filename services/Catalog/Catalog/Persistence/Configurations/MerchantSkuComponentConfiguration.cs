using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Catalog.Domain;

namespace PushInventory.Catalog.Persistence.Configurations;

internal sealed class MerchantSkuComponentConfiguration : IEntityTypeConfiguration<MerchantSkuComponent>
{
    public void Configure(EntityTypeBuilder<MerchantSkuComponent> builder)
    {
        builder.ToTable("merchant_sku_components");
        builder.HasKey(c => new { c.BundleId, c.ComponentId });
        // "Is this SKU part of a bundle?" before a delete.
        builder.HasIndex(c => new { c.TenantId, c.ComponentId });
        builder.HasOne<MerchantSku>().WithMany().HasForeignKey(c => c.ComponentId).OnDelete(DeleteBehavior.Restrict);
    }
}
