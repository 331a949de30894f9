using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Catalog.Domain;

namespace PushInventory.Catalog.Persistence.Configurations;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.ToTable("stores");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.TenantId);
        builder.Property(s => s.Marketplace).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(CatalogLimits.MaxNameLength);
        builder.Property(s => s.Region).HasMaxLength(10);
        builder.Property(s => s.BaseUrl).HasMaxLength(500);
        builder.Property(s => s.PlatformWarehouseIds).AsJsonText();
        builder.Property(s => s.CredentialFields).AsJsonText();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
