using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Catalog.Domain;

namespace PushInventory.Catalog.Persistence.Configurations;

internal sealed class MappedStoreSkuConfiguration : IEntityTypeConfiguration<MappedStoreSku>
{
    public void Configure(EntityTypeBuilder<MappedStoreSku> builder)
    {
        builder.ToTable("mapped_store_skus");
        builder.HasKey(m => m.StoreSkuId);
        builder.HasIndex(m => new { m.TenantId, m.MerchantSkuId });
    }
}
