using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PushInventory.ServiceDefaults.Http;

/// <summary>Collects every bad field of a request so a caller sees them all at once.</summary>
public sealed class Validation
{
    readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no error was added.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>Records <paramref name="message"/> against <paramref name="field"/>.</summary>
    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Adds an error when <paramref name="condition"/> is false.</summary>
    public Validation Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    /// <summary>A text field that must be present, at most <paramref name="maxLength"/> long, without control characters.</summary>
    public Validation Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, $"'{field}' is required.") : this;
        }

        if (value.Trim().Length > maxLength)
        {
            Add(field, $"'{field}' must be at most {maxLength} characters.");
        }

        if (value.Any(char.IsControl))
        {
            Add(field, $"'{field}' must not contain control characters.");
        }

        return this;
    }

    /// <summary>The 400 problem details listing every error.</summary>
    public ValidationProblem ToProblem(string? detail = null) =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            detail: detail ?? $"The request has {_errors.Sum(e => e.Value.Count)} invalid field(s): {string.Join(", ", _errors.Keys)}.",
            title: "Invalid request");
}
