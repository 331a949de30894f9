using System.Text.Json;
using System.Text.Json.Serialization;

namespace PushInventory.Mapping.Domain;

/// <summary>A tenant's rules for turning a seller SKU into the key compared with merchant SKU codes.</summary>
internal sealed record NormalizationRules(PrefixRule? IgnorePrefix, SuffixRule? IgnoreSuffix, string? IgnoreCharacters, IReadOnlyList<Replacement> Replacements)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>No rules: only trim and upper-case.</summary>
    public static NormalizationRules None { get; } = new(null, null, null, []);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static NormalizationRules FromJson(string json) =>
        string.IsNullOrWhiteSpace(json) ? None : JsonSerializer.Deserialize<NormalizationRules>(json, Json) ?? None;
}
