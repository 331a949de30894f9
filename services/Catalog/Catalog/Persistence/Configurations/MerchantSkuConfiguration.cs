using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Catalog.Domain;

namespace PushInventory.Catalog.Persistence.Configurations;

internal sealed class MerchantSkuConfiguration : IEntityTypeConfiguration<MerchantSku>
{
    public void Configure(EntityTypeBuilder<MerchantSku> builder)
    {
        builder.ToTable("merchant_skus");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(CatalogLimits.MaxCodeLength);
        builder.Property(s => s.NormalizedCode).HasMaxLength(CatalogLimits.MaxCodeLength);
        builder.Property(s => s.Name).HasMaxLength(CatalogLimits.MaxNameLength);
        builder.HasIndex(s => new { s.TenantId, s.NormalizedCode }).IsUnique();
        builder.HasIndex(s => new { s.TenantId, s.CategoryId });
        // Two writers of one SKU: the second save fails instead of overwriting the first.
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Components).WithOne().HasForeignKey(c => c.BundleId).OnDelete(DeleteBehavior.Cascade);
        // The database refuses a category or a component that disappears under a concurrent change.
        builder.HasOne<Category>().WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
