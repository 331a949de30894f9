using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Mapping.Domain;
using PushInventory.Mapping.Persistence;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Mapping.Endpoints;

internal static class NormalizationEndpoints
{
    public const int MaxValueLength = 50;
    public const int MaxCount = 100;
    public const int MaxDelimiterLength = 10;
    public const int MaxOccurrence = 20;
    public const int MaxReplacements = 20;

    /// <summary>
    /// The tenant's normalisation document; <c>PUT</c> replaces all of it (an omitted rule is no rule).
    /// A seller SKU is trimmed, then: <c>ignorePrefix</c>, <c>ignoreSuffix</c>, <c>ignoreCharacters</c>, each
    /// of <c>replacements</c> in order; then trimmed and upper-cased. Merchant SKU codes are only trimmed and
    /// upper-cased. Text is matched ignoring case. A rule that would leave the code empty is skipped.
    /// </summary>
    /// <param name="AutoMapNewStoreSkus">When true, a store SKU that arrives unmapped is auto-mapped at once, and a merchant SKU that arrives maps the unmapped store SKUs waiting with its code.</param>
    /// <param name="IgnorePrefix">Optional: the part at the start of a seller SKU to drop.</param>
    /// <param name="IgnoreSuffix">Optional: the part at the end of a seller SKU to drop.</param>
    /// <param name="IgnoreCharacters">Optional: characters removed wherever they are, e.g. <c>"-_ "</c> (at most 50).</param>
    /// <param name="Replacements">Optional: up to 20 <c>{from, to}</c>, applied in order; <c>to</c> may be empty.</param>
    public sealed record NormalizationSettingsRequest(
        bool? AutoMapNewStoreSkus,
        PrefixRequest? IgnorePrefix,
        SuffixRequest? IgnoreSuffix,
        string? IgnoreCharacters,
        IReadOnlyList<ReplacementRequest?>? Replacements);

    /// <summary>
    /// <c>{"kind":"Fixed","value":"SHP-"}</c> drops a fixed start; <c>{"kind":"FirstN","count":3}</c> the first
    /// 3 characters; <c>{"kind":"UpToNthDelimiter","delimiter":"-","occurrence":2}</c> everything up to and
    /// including the 2nd "-" (occurrence defaults to 1). Fields of another kind must be left out. A code
    /// without the fixed start or without enough delimiters is left unchanged.
    /// </summary>
    /// <param name="Kind">Fixed, FirstN or UpToNthDelimiter.</param>
    /// <param name="Value">Fixed: 1 to 50 characters.</param>
    /// <param name="Count">FirstN: 1 to 100.</param>
    /// <param name="Delimiter">UpToNthDelimiter: 1 to 10 characters.</param>
    /// <param name="Occurrence">UpToNthDelimiter: 1 to 20, default 1.</param>
    public sealed record PrefixRequest(PrefixKind? Kind, string? Value, int? Count, string? Delimiter, int? Occurrence);

    /// <summary>
    /// <c>{"kind":"Fixed","value":"-RED"}</c> drops a fixed end; <c>{"kind":"LastN","count":2}</c> the last 2
    /// characters; <c>{"kind":"FromNthLastDelimiter","delimiter":"_","occurrence":1}</c> everything from the
    /// last "_" on, the delimiter included (occurrence counts from the end, default 1).
    /// </summary>
    /// <param name="Kind">Fixed, LastN or FromNthLastDelimiter.</param>
    /// <param name="Value">Fixed: 1 to 50 characters.</param>
    /// <param name="Count">LastN: 1 to 100.</param>
    /// <param name="Delimiter">FromNthLastDelimiter: 1 to 10 characters.</param>
    /// <param name="Occurrence">FromNthLastDelimiter: 1 to 20, default 1.</param>
    public sealed record SuffixRequest(SuffixKind? Kind, string? Value, int? Count, string? Delimiter, int? Occurrence);

    /// <summary>Replace every <c>from</c> (1 to 50 characters, any case) with <c>to</c> (0 to 50).</summary>
    public sealed record ReplacementRequest(string? From, string? To);

    public sealed record NormalizationSettingsResponse(
        bool AutoMapNewStoreSkus,
        PrefixRule? IgnorePrefix,
        SuffixRule? IgnoreSuffix,
        string? IgnoreCharacters,
        IReadOnlyList<Replacement> Replacements,
        long Version,
        DateTime? UpdatedAt,
        string? UpdatedBy);

    /// <summary>A code to normalise; with <c>settings</c>, under those rules instead of the saved ones (to try rules before saving).</summary>
    public sealed record NormalizationTestRequest(string? Code, NormalizationSettingsRequest? Settings);

    public sealed record NormalizationTestResponse(string Input, IReadOnlyList<NormalizationStep> Steps, string Normalized);

    public static RouteGroupBuilder MapNormalizationEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/normalization", GetAsync);
        group.MapPut("/normalization", PutAsync);
        group.MapPost("/normalization/test", TestAsync);
        return group;
    }

    static async Task<Ok<NormalizationSettingsResponse>> GetAsync(HttpContext http, MappingDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var settings = await db.NormalizationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);
        return TypedResults.Ok(ToResponse(settings));
    }

    /// <summary>Replaces the document and re-keys the tenant's store SKUs; it maps nothing by itself (<c>POST /auto</c> does).</summary>
    static async Task<Results<Ok<NormalizationSettingsResponse>, ValidationProblem>> PutAsync(
        NormalizationSettingsRequest request, HttpContext http, MappingWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var rules = ToRules(request, validation, "");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var actor = http.GetActor();
        var now = LinkChanges.Now(time);
        var saved = await writer.WriteAsync(async db =>
        {
            var settings = await db.NormalizationSettings.FirstOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);
            if (settings is null)
            {
                settings = new NormalizationSettings { TenantId = tenantId, RulesJson = "", UpdatedBy = "" };
                db.NormalizationSettings.Add(settings);
            }

            settings.AutoMapNewStoreSkus = request.AutoMapNewStoreSkus ?? false;
            settings.RulesJson = rules.ToJson();
            settings.Version++;
            settings.UpdatedAt = now;
            settings.UpdatedBy = actor.Length > LinkChanges.MaxActorLength ? actor[..LinkChanges.MaxActorLength] : actor;

            var normalizer = new Normalizer(rules);
            var storeSkus = await db.StoreSkus.Where(s => s.TenantId == tenantId).ToListAsync(cancellationToken);
            foreach (var sku in storeSkus)
            {
                sku.MatchKey = LinkChanges.MatchKey(normalizer, sku.SellerSku);
            }

            return settings;
        }, cancellationToken);
        return TypedResults.Ok(ToResponse(saved));
    }

    /// <summary>What the rules make of a code, step by step.</summary>
    static async Task<Results<Ok<NormalizationTestResponse>, ValidationProblem>> TestAsync(
        NormalizationTestRequest request, HttpContext http, MappingDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text(request.Code, "code", LinkEndpoints.MaxCodeLength);
        var rules = request.Settings is null ? null : ToRules(request.Settings, validation, "settings.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        rules ??= await AutoMapping.RulesAsync(db, http.GetTenantId(), cancellationToken);
        var result = new Normalizer(rules).Explain(request.Code!);
        return TypedResults.Ok(new NormalizationTestResponse(result.Input, result.Steps, result.Normalized));
    }

    static NormalizationSettingsResponse ToResponse(NormalizationSettings? settings)
    {
        var rules = settings?.Rules ?? NormalizationRules.None;
        return new NormalizationSettingsResponse(
            settings?.AutoMapNewStoreSkus ?? false, rules.IgnorePrefix, rules.IgnoreSuffix, rules.IgnoreCharacters, rules.Replacements,
            settings?.Version ?? 0, settings is null ? null : DateTime.SpecifyKind(settings.UpdatedAt, DateTimeKind.Utc), settings?.UpdatedBy);
    }

    static NormalizationRules ToRules(NormalizationSettingsRequest request, Validation validation, string path)
    {
        PrefixRule? prefix = null;
        if (request.IgnorePrefix is { } p)
        {
            var field = path + "ignorePrefix";
            if (p.Kind is not { } kind)
            {
                validation.Add($"{field}.kind", $"'{field}.kind' is required: Fixed, FirstN or UpToNthDelimiter.");
            }
            else
            {
                Affix(validation, field, kind.ToString(), kind == PrefixKind.Fixed, kind == PrefixKind.FirstN, kind == PrefixKind.UpToNthDelimiter, p.Value, p.Count, p.Delimiter, p.Occurrence);
                prefix = new PrefixRule(kind, p.Value, p.Count, p.Delimiter, kind == PrefixKind.UpToNthDelimiter ? p.Occurrence ?? 1 : null);
            }
        }

        SuffixRule? suffix = null;
        if (request.IgnoreSuffix is { } s)
        {
            var field = path + "ignoreSuffix";
            if (s.Kind is not { } kind)
            {
                validation.Add($"{field}.kind", $"'{field}.kind' is required: Fixed, LastN or FromNthLastDelimiter.");
            }
            else
            {
                Affix(validation, field, kind.ToString(), kind == SuffixKind.Fixed, kind == SuffixKind.LastN, kind == SuffixKind.FromNthLastDelimiter, s.Value, s.Count, s.Delimiter, s.Occurrence);
                suffix = new SuffixRule(kind, s.Value, s.Count, s.Delimiter, kind == SuffixKind.FromNthLastDelimiter ? s.Occurrence ?? 1 : null);
            }
        }

        var characters = request.IgnoreCharacters;
        if (characters is not null)
        {
            var field = path + "ignoreCharacters";
            validation.Require(characters.Length <= MaxValueLength, field, $"'{field}' must be at most {MaxValueLength} characters.");
            validation.Require(!characters.Any(char.IsControl), field, $"'{field}' must not contain control characters.");
            characters = characters.Length == 0 ? null : characters;
        }

        var replacements = new List<Replacement>();
        if (request.Replacements is { } list)
        {
            var field = path + "replacements";
            validation.Require(list.Count <= MaxReplacements, field, $"At most {MaxReplacements} replacements.");
            for (var i = 0; i < list.Count; i++)
            {
                var item = $"{field}[{i}]";
                if (list[i] is not { } r)
                {
                    validation.Add(item, $"'{item}' is empty.");
                    continue;
                }

                Chars(validation, $"{item}.from", r.From, required: true);
                Chars(validation, $"{item}.to", r.To, required: false);
                replacements.Add(new Replacement(r.From ?? "", r.To ?? ""));
            }
        }

        return new NormalizationRules(prefix, suffix, characters, replacements);
    }

    static void Affix(Validation validation, string field, string kind, bool usesValue, bool usesCount, bool usesDelimiter, string? value, int? count, string? delimiter, int? occurrence)
    {
        if (usesValue)
        {
            Chars(validation, $"{field}.value", value, required: true);
        }

        if (usesCount)
        {
            validation.Require(count is >= 1 and <= MaxCount, $"{field}.count", $"'{field}.count' is required for {kind}: 1 to {MaxCount}.");
        }

        if (usesDelimiter)
        {
            validation.Require(!string.IsNullOrEmpty(delimiter), $"{field}.delimiter", $"'{field}.delimiter' is required for {kind}.");
            validation.Require(delimiter is null || (delimiter.Length <= MaxDelimiterLength && !delimiter.Any(char.IsControl)), $"{field}.delimiter", $"'{field}.delimiter' must be 1 to {MaxDelimiterLength} characters, no control characters.");
            validation.Require(occurrence is null or (>= 1 and <= MaxOccurrence), $"{field}.occurrence", $"'{field}.occurrence' must be 1 to {MaxOccurrence}.");
        }

        validation.Require(usesValue || value is null, $"{field}.value", $"'{field}.value' is only for Fixed.");
        validation.Require(usesCount || count is null, $"{field}.count", $"'{field}.count' does not apply to {kind}.");
        validation.Require(usesDelimiter || (delimiter is null && occurrence is null), $"{field}.delimiter", $"'{field}.delimiter' and 'occurrence' do not apply to {kind}.");
    }

    static void Chars(Validation validation, string field, string? value, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            validation.Require(!required, field, $"'{field}' is required.");
            return;
        }

        validation.Require(value.Length <= MaxValueLength, field, $"'{field}' must be at most {MaxValueLength} characters.");
        validation.Require(!value.Any(char.IsControl), field, $"'{field}' must not contain control characters.");
    }
}
