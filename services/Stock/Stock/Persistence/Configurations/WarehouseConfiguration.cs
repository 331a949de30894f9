using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Stock.Domain;

namespace PushInventory.Stock.Persistence.Configurations;

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> builder)
    {
        builder.ToTable("warehouses");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Code).HasMaxLength(100);
        builder.Property(w => w.NormalizedCode).HasMaxLength(100);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.HasIndex(w => new { w.TenantId, w.NormalizedCode }).IsUnique();
    }
}
