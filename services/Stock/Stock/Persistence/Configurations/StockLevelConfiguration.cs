using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Stock.Domain;

namespace PushInventory.Stock.Persistence.Configurations;

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> builder)
    {
        builder.ToTable("stock_levels");
        builder.HasKey(l => new { l.TenantId, l.MerchantSkuId, l.WarehouseId });
        // Two writers of one level: the second save fails and its batch is applied again on fresh state.
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Ignore(l => l.Available);
    }
}
