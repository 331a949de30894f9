using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.ToTable("stores");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.TenantId);
        builder.Property(s => s.Marketplace).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Region).HasMaxLength(20);
        builder.Property(s => s.BaseUrl).HasMaxLength(1000);
        builder.Property(s => s.PlatformWarehouseIds).AsJsonText();
    }
}
