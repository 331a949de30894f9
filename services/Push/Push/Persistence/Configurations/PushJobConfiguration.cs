using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class PushJobConfiguration : IEntityTypeConfiguration<PushJob>
{
    public void Configure(EntityTypeBuilder<PushJob> builder)
    {
        builder.ToTable("push_jobs");
        builder.HasKey(j => j.Id);
        builder.HasIndex(j => j.CreatedAt);
        builder.Property(j => j.RequestedBy).HasMaxLength(200);
    }
}
