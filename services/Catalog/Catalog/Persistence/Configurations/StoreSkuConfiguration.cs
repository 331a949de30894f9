using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Catalog.Domain;

namespace PushInventory.Catalog.Persistence.Configurations;

internal sealed class StoreSkuConfiguration : IEntityTypeConfiguration<StoreSku>
{
    public void Configure(EntityTypeBuilder<StoreSku> builder)
    {
        builder.ToTable("store_skus");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.MarketplaceKey).HasMaxLength(60);
        builder.Property(s => s.SellerSku).HasMaxLength(CatalogLimits.MaxCodeLength);
        builder.Property(s => s.NormalizedSellerSku).HasMaxLength(CatalogLimits.MaxCodeLength);
        builder.Property(s => s.Name).HasMaxLength(CatalogLimits.MaxNameLength);
        builder.Property(s => s.PlatformWarehouseIds).AsJsonText();
        builder.HasIndex(s => new { s.StoreId, s.MarketplaceKey }).IsUnique();
        builder.HasIndex(s => new { s.StoreId, s.NormalizedSellerSku });
        builder.HasIndex(s => s.TenantId);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}
