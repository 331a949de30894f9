using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>One column's values for many rows as a single PostgreSQL array parameter, converted as EF would write them.</summary>
internal static class PostgresArrays
{
    /// <summary>
    /// An array of the column's provider type (nullable where the column is), typed as the column's array
    /// type (<c>integer[]</c>, <c>timestamp with time zone[]</c>, …), for <c>unnest</c>.
    /// </summary>
    public static NpgsqlParameter Parameter(string name, IProperty property, RelationalTypeMapping mapping, IEnumerable<object?> values, int count)
    {
        var providerType = mapping.Converter?.ProviderClrType ?? property.ClrType;
        var elementType = providerType.IsValueType && Nullable.GetUnderlyingType(providerType) is null && property.IsNullable
            ? typeof(Nullable<>).MakeGenericType(providerType)
            : providerType;
        var array = Array.CreateInstance(elementType, count);
        var i = 0;
        foreach (var value in values)
        {
            array.SetValue(mapping.ToProvider(value), i++);
        }

        return new NpgsqlParameter { ParameterName = name, Value = array, DataTypeName = $"{mapping.StoreTypeNameBase}[]" };
    }
}
