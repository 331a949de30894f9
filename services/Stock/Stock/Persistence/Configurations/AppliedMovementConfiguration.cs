using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Stock.Domain;

namespace PushInventory.Stock.Persistence.Configurations;

internal sealed class AppliedMovementConfiguration : IEntityTypeConfiguration<AppliedMovement>
{
    public void Configure(EntityTypeBuilder<AppliedMovement> builder)
    {
        builder.ToTable("applied_movements");
        builder.HasKey(m => new { m.TenantId, m.MovementId });
        builder.Property(m => m.MovementId).HasMaxLength(100);
    }
}
