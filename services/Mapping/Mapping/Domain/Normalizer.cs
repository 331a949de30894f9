using PushInventory.ServiceDefaults;

namespace PushInventory.Mapping.Domain;

/// <summary>
/// Turns a seller SKU into the key compared with merchant SKU codes (which are compared by
/// <see cref="Codes.Normalize"/> only). The code is trimmed, then the tenant's rules run in a fixed order:
/// ignore prefix, ignore suffix, ignore characters, replacements (in their listed order); finally the result
/// is trimmed and upper-cased. Matching of fixed strings, delimiters, characters and replacements ignores
/// case. A rule that finds nothing to remove leaves the code as it is. A rule that would leave the code empty
/// (or only white space) is skipped, so a code is never normalised to nothing by a rule; only an empty input
/// gives an empty key, which matches nothing.
/// </summary>
internal sealed class Normalizer(NormalizationRules rules)
{
    const string NoMatch = "no match: unchanged";
    const string WouldEmpty = "skipped: it would leave the code empty";

    public string Normalize(string code) => Explain(code).Normalized;

    public NormalizationResult Explain(string code)
    {
        var steps = new List<NormalizationStep>();
        var current = code.Trim();
        if (rules.IgnorePrefix is { } prefix)
        {
            current = Apply(steps, Describe(prefix), current, RemovePrefix(current, prefix));
        }

        if (rules.IgnoreSuffix is { } suffix)
        {
            current = Apply(steps, Describe(suffix), current, RemoveSuffix(current, suffix));
        }

        if (!string.IsNullOrEmpty(rules.IgnoreCharacters))
        {
            var ignored = rules.IgnoreCharacters.ToUpperInvariant();
            var kept = string.Concat(current.Where(c => !ignored.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal)));
            current = Apply(steps, $"ignoreCharacters '{rules.IgnoreCharacters}'", current, kept);
        }

        foreach (var replacement in rules.Replacements)
        {
            var replaced = current.Contains(replacement.From, StringComparison.OrdinalIgnoreCase)
                ? current.Replace(replacement.From, replacement.To, StringComparison.OrdinalIgnoreCase)
                : null;
            current = Apply(steps, $"replace '{replacement.From}' with '{replacement.To}'", current, replaced);
        }

        var normalized = Codes.Normalize(current);
        steps.Add(new NormalizationStep("trim and upper-case", normalized, null));
        return new NormalizationResult(code, steps, normalized);
    }

    static string Apply(List<NormalizationStep> steps, string rule, string current, string? candidate)
    {
        if (candidate is null)
        {
            steps.Add(new NormalizationStep(rule, current, NoMatch));
            return current;
        }

        if (string.IsNullOrWhiteSpace(candidate) && !string.IsNullOrWhiteSpace(current))
        {
            steps.Add(new NormalizationStep(rule, current, WouldEmpty));
            return current;
        }

        steps.Add(new NormalizationStep(rule, candidate, null));
        return candidate;
    }

    static string? RemovePrefix(string code, PrefixRule rule) => rule.Kind switch
    {
        PrefixKind.Fixed => code.StartsWith(rule.Value!, StringComparison.OrdinalIgnoreCase) ? code[rule.Value!.Length..] : null,
        PrefixKind.FirstN => code.Length <= rule.Count!.Value ? "" : code[rule.Count.Value..],
        PrefixKind.UpToNthDelimiter => NthFromStart(code, rule.Delimiter!, rule.Occurrence ?? 1) is { } at ? code[(at + rule.Delimiter!.Length)..] : null,
        _ => null,
    };

    static string? RemoveSuffix(string code, SuffixRule rule) => rule.Kind switch
    {
        SuffixKind.Fixed => code.EndsWith(rule.Value!, StringComparison.OrdinalIgnoreCase) ? code[..^rule.Value!.Length] : null,
        SuffixKind.LastN => code.Length <= rule.Count!.Value ? "" : code[..^rule.Count.Value],
        SuffixKind.FromNthLastDelimiter => NthFromEnd(code, rule.Delimiter!, rule.Occurrence ?? 1) is { } at ? code[..at] : null,
        _ => null,
    };

    static int? NthFromStart(string code, string delimiter, int occurrence)
    {
        var from = 0;
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = from >= code.Length ? -1 : code.IndexOf(delimiter, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            from = at + delimiter.Length;
        }

        return at;
    }

    static int? NthFromEnd(string code, string delimiter, int occurrence)
    {
        var end = code.Length;
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = end < delimiter.Length ? -1 : code.LastIndexOf(delimiter, end - 1, end, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            end = at;
        }

        return at;
    }

    static string Describe(PrefixRule rule) => rule.Kind switch
    {
        PrefixKind.Fixed => $"ignorePrefix Fixed '{rule.Value}'",
        PrefixKind.FirstN => $"ignorePrefix FirstN {rule.Count}",
        _ => $"ignorePrefix UpToNthDelimiter '{rule.Delimiter}' #{rule.Occurrence ?? 1}",
    };

    static string Describe(SuffixRule rule) => rule.Kind switch
    {
        SuffixKind.Fixed => $"ignoreSuffix Fixed '{rule.Value}'",
        SuffixKind.LastN => $"ignoreSuffix LastN {rule.Count}",
        _ => $"ignoreSuffix FromNthLastDelimiter '{rule.Delimiter}' #{rule.Occurrence ?? 1}",
    };
}
