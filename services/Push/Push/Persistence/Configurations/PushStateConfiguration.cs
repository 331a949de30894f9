using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PushInventory.Push.Domain;

namespace PushInventory.Push.Persistence.Configurations;

internal sealed class PushStateConfiguration : IEntityTypeConfiguration<PushState>
{
    public void Configure(EntityTypeBuilder<PushState> builder)
    {
        builder.ToTable("push_states");
        builder.HasKey(s => s.StoreSkuId);
        builder.HasIndex(s => new { s.NextAttemptAt, s.StoreId });
        builder.HasIndex(s => new { s.StoreId, s.NextAttemptAt });
        builder.HasIndex(s => s.TenantId);
        // The recompute (consumers) and the dispatcher both change a state: the later save of a stale read fails and is redone.
        builder.Property(s => s.Stamp).IsConcurrencyToken();
        builder.Ignore(s => s.CurrentPreOrderState);
    }
}
