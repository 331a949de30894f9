using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Mapping.Domain;

namespace PushInventory.Mapping.Persistence.Configurations;

internal sealed class NormalizationSettingsConfiguration : IEntityTypeConfiguration<NormalizationSettings>
{
    public void Configure(EntityTypeBuilder<NormalizationSettings> builder)
    {
        builder.ToTable("normalization_settings");
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.UpdatedBy).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Rules);
    }
}
