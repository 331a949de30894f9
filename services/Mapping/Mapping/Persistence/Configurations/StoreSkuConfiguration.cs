using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Mapping.Domain;

namespace PushInventory.Mapping.Persistence.Configurations;

internal sealed class StoreSkuConfiguration : IEntityTypeConfiguration<StoreSku>
{
    public void Configure(EntityTypeBuilder<StoreSku> builder)
    {
        builder.ToTable("store_skus");
        // A local, ever-growing key: lists page on it (keyset), portably on SQLite and PostgreSQL.
        builder.HasKey(s => s.Sequence);
        builder.Property(s => s.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(s => s.Id).IsUnique();
        builder.Property(s => s.SellerSku).HasMaxLength(200);
        builder.Property(s => s.NormalizedSellerSku).HasMaxLength(200);
        builder.Property(s => s.MatchKey).HasMaxLength(200);
        builder.Property(s => s.MerchantSkuCode).HasMaxLength(200);
        builder.Property(s => s.ChangedBy).HasMaxLength(200);
        builder.Property(s => s.MappingVersion).IsConcurrencyToken();
        builder.HasIndex(s => new { s.TenantId, s.StoreId, s.NormalizedSellerSku });
        builder.HasIndex(s => new { s.TenantId, s.MatchKey });
        builder.HasIndex(s => new { s.TenantId, s.MerchantSkuId });
    }
}
