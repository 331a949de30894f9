using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Rules.Domain;

namespace PushInventory.Rules.Persistence.Configurations;

internal sealed class MerchantSkuConfiguration : IEntityTypeConfiguration<MerchantSku>
{
    public void Configure(EntityTypeBuilder<MerchantSku> builder)
    {
        builder.ToTable("merchant_skus");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Code).HasMaxLength(RuleLimits.MaxCodeLength);
        builder.Property(s => s.NormalizedCode).HasMaxLength(RuleLimits.MaxCodeLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // Not unique: a deleted SKU keeps its code while a new one takes it, and events may arrive out of order.
        builder.HasIndex(s => new { s.TenantId, s.NormalizedCode });
    }
}
