using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> builder)
    {
        builder.ToTable("stock_levels");
        builder.HasKey(l => new { l.TenantId, l.MerchantSkuId, l.WarehouseId });
        builder.Property(l => l.MerchantSkuCode).HasMaxLength(200);
        builder.Property(l => l.WarehouseCode).HasMaxLength(200);
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
