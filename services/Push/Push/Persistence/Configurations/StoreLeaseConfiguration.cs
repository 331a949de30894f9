using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class StoreLeaseConfiguration : IEntityTypeConfiguration<StoreLease>
{
    public void Configure(EntityTypeBuilder<StoreLease> builder)
    {
        builder.ToTable("push_store_leases");
        builder.HasKey(l => l.StoreId);
        builder.Property(l => l.LeasedBy).HasMaxLength(200);
    }
}
