using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Catalog.Domain;

namespace PushInventory.Catalog.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(CatalogLimits.MaxCategoryNameLength);
        builder.Property(c => c.NormalizedName).HasMaxLength(CatalogLimits.MaxCategoryNameLength);
        builder.HasIndex(c => new { c.TenantId, c.NormalizedName }).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
