using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class PushRecordConfiguration : IEntityTypeConfiguration<PushRecord>
{
    public void Configure(EntityTypeBuilder<PushRecord> builder)
    {
        builder.ToTable("push_records");
        builder.HasKey(r => r.Sequence);
        builder.Property(r => r.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(r => r.Id).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.CreatedAt, r.Sequence });
        builder.HasIndex(r => new { r.TenantId, r.StoreSkuId, r.CreatedAt });
        builder.HasIndex(r => new { r.TenantId, r.Status, r.CreatedAt });
        builder.HasIndex(r => r.JobId);
        builder.HasIndex(r => r.CreatedAt);
        builder.Property(r => r.Marketplace).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StoreName).HasMaxLength(200);
        builder.Property(r => r.SellerSku).HasMaxLength(200);
        builder.Property(r => r.MerchantSkuCode).HasMaxLength(200);
        builder.Property(r => r.NormalizedMerchantSkuCode).HasMaxLength(200);
        builder.Property(r => r.RuleName).HasMaxLength(200);
        builder.Property(r => r.Warehouses).AsJsonText();
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.Property(r => r.ErrorCode).HasMaxLength(200);
        builder.Property(r => r.ErrorMessage).HasMaxLength(2000);
        builder.Property(r => r.TraceId).HasMaxLength(64);
    }
}
