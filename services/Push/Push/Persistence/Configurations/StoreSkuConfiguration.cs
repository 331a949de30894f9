using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class StoreSkuConfiguration : IEntityTypeConfiguration<StoreSku>
{
    public void Configure(EntityTypeBuilder<StoreSku> builder)
    {
        builder.ToTable("store_skus");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.TenantId, s.StoreId });
        builder.Property(s => s.Marketplace).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.SellerSku).HasMaxLength(200);
        builder.Property(s => s.Name).HasMaxLength(500);
        builder.Property(s => s.PlatformWarehouseIds).AsJsonText();
    }
}
