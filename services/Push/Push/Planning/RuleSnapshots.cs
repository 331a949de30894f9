using System.Text.Json;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.ServiceDefaults;

namespace PushInventory.Push.Planning;

/// <summary>Rules are kept as the JSON of their last <see cref="PushRuleChanged"/> snapshot.</summary>
internal static class RuleSnapshots
{
    static readonly JsonSerializerOptions Json = CreateJson();

    public static string Serialize(PushRuleChanged rule) => JsonSerializer.Serialize(rule, Json);

    public static RuleInput ToInput(string snapshot)
    {
        var rule = JsonSerializer.Deserialize<PushRuleChanged>(snapshot, Json)
            ?? throw new InvalidOperationException("Empty rule snapshot.");
        return new RuleInput(
            rule.RuleId,
            rule.Name,
            rule.Priority,
            rule.Enabled,
            rule.CreatedAt,
            rule.Scope is { } scope
                ? scope with { MerchantSkuCodes = scope.MerchantSkuCodes ?? [], StoreIds = scope.StoreIds ?? [], CategoryIds = scope.CategoryIds ?? [] }
                : new RuleScope(RuleScopeKind.Skus, [], [], []),
            rule.WarehouseCodes ?? [],
            rule.StoreIds ?? [],
            rule.Quantity ?? new QuantityFormula(100, 0, Rounding.Down, 0, null),
            rule.AboutToSellOut,
            rule.PreOrder);
    }

    static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceDefaultsExtensions.ConfigureJson(options);
        return options;
    }
}
