using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PushInventory.Rules.Persistence;

/// <summary>
/// A list kept as JSON in one text column: the same on SQLite and PostgreSQL (no provider array type), and
/// cheap for the 5000 merchant SKU codes a rule may hold, which are always read and written with the rule.
/// </summary>
internal static class JsonListColumn
{
    public static PropertyBuilder<List<T>> AsJsonList<T>(this PropertyBuilder<List<T>> property)
    {
        property
            .HasConversion(v => Serialize(v), s => Deserialize<T>(s), new ValueComparer<List<T>>((a, b) => ListEquals(a, b), v => Hash(v), v => v.ToList()))
            .IsRequired();
        return property;
    }

    static string Serialize<T>(List<T> values) => JsonSerializer.Serialize(values);

    static List<T> Deserialize<T>(string json) => JsonSerializer.Deserialize<List<T>>(json) ?? [];

    static bool ListEquals<T>(List<T>? a, List<T>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);

    static int Hash<T>(List<T> values)
    {
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
