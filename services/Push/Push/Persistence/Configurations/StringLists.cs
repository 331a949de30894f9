using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PushInventory.Push.Persistence.Configurations;

/// <summary>Short lists of strings (warehouse ids and codes) kept as a JSON text column, portable between providers.</summary>
internal static class StringLists
{
    static readonly ValueComparer<List<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());

    public static PropertyBuilder<List<string>> AsJsonText(this PropertyBuilder<List<string>> property) =>
        property.HasConversion(
                list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
                text => JsonSerializer.Deserialize<List<string>>(text, JsonSerializerOptions.Default) ?? new List<string>(),
                Comparer)
            .HasMaxLength(4000);
}
