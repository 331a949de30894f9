using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules.Persistence.Configurations;

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> builder)
    {
        builder.ToTable("warehouses");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Code).HasMaxLength(RuleLimits.MaxCodeLength);
        builder.Property(w => w.NormalizedCode).HasMaxLength(RuleLimits.MaxCodeLength);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Version).IsConcurrencyToken();
        // Not unique: this is a copy of the Stock service's data, kept in whatever order its events arrive.
        builder.HasIndex(w => new { w.TenantId, w.NormalizedCode });
    }
}
