using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Endpoints;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Rules;

/// <summary>
/// Checks a rule request field by field (every problem at once, each under its JSON path) and against the
/// tenant's stores, warehouses, categories and merchant SKUs. Another tenant's ids are "unknown", as missing ones.
/// </summary>
internal sealed class RuleValidator(RulesDbContext db)
{
    public sealed record Result(Validation Validation, RuleDraft? Draft, IReadOnlyList<Store> Stores);

    public async Task<Result> ValidateAsync(Guid tenantId, RuleRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Text(request.Name, "name", RuleLimits.MaxNameLength);
        if (request.Priority is null)
        {
            validation.Add("priority", "'priority' is required: an integer, 0 or more; smaller is higher priority.");
        }
        else if (request.Priority < 0)
        {
            validation.Add("priority", "'priority' must be 0 or more (smaller is higher priority).");
        }

        var scope = ValidateScope(request.Scope, validation);
        var warehouseCodes = Codes(request.WarehouseCodes, "warehouseCodes", RuleLimits.MaxWarehouses, "warehouse", validation);
        var storeIds = Ids(request.StoreIds, "storeIds", RuleLimits.MaxStores, "store", validation);
        var quantity = ValidateQuantity(request.Quantity, validation);
        var sellOut = ValidateSellOut(request.AboutToSellOut, storeIds, validation);
        var preOrder = ValidatePreOrder(request.PreOrder, validation);

        // References: only what the tenant owns and has not deleted counts as known.
        var allStoreIds = storeIds.Select(s => s.Value).Concat(scope.StoreIds.Select(s => s.Value)).Distinct().ToList();
        var stores = allStoreIds.Count == 0
            ? []
            : await db.Stores.AsNoTracking().Where(s => s.TenantId == tenantId && !s.Deleted && allStoreIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        Unknown(storeIds, stores.ContainsKey, "store", validation);
        Unknown(scope.StoreIds, stores.ContainsKey, "store", validation);

        var categoryIds = scope.CategoryIds.Select(c => c.Value).ToList();
        var categories = categoryIds.Count == 0
            ? []
            : await db.Categories.AsNoTracking().Where(c => c.TenantId == tenantId && !c.Deleted && categoryIds.Contains(c.Id)).Select(c => c.Id).ToHashSetAsync(cancellationToken);
        Unknown(scope.CategoryIds, categories.Contains, "category", validation);

        var normalizedWarehouses = warehouseCodes.Select(w => w.Normalized).ToList();
        var warehouses = normalizedWarehouses.Count == 0
            ? []
            : (await db.Warehouses.AsNoTracking().Where(w => w.TenantId == tenantId && normalizedWarehouses.Contains(w.NormalizedCode)).ToListAsync(cancellationToken))
                .DistinctBy(w => w.NormalizedCode).ToDictionary(w => w.NormalizedCode, w => w.Code, StringComparer.Ordinal);
        Unknown(warehouseCodes, warehouses.ContainsKey, "warehouse", validation);

        var normalizedSkus = scope.MerchantSkuCodes.Select(c => c.Normalized).ToList();
        var skus = normalizedSkus.Count == 0
            ? []
            : (await db.MerchantSkus.AsNoTracking().Where(s => s.TenantId == tenantId && !s.Deleted && normalizedSkus.Contains(s.NormalizedCode)).ToListAsync(cancellationToken))
                .DistinctBy(s => s.NormalizedCode).ToDictionary(s => s.NormalizedCode, s => s.Code, StringComparer.Ordinal);
        Unknown(scope.MerchantSkuCodes, skus.ContainsKey, "merchant SKU", validation);

        if (preOrder is not null)
        {
            var notShopee = storeIds.Select(s => stores.GetValueOrDefault(s.Value)).OfType<Store>().Where(s => s.Marketplace != Marketplace.Shopee).ToList();
            if (notShopee.Count > 0)
            {
                validation.Add("preOrder", $"Convert to pre-order works on Shopee stores only; remove it or these stores from the rule: {string.Join(", ", notShopee.Select(Describe))}.");
            }
        }

        if (!validation.IsValid || scope.Kind is not { } kind)
        {
            return new(validation, null, []);
        }

        var draft = new RuleDraft(
            request.Name!.Trim(),
            request.Priority!.Value,
            request.Enabled ?? true,
            new RuleScope(kind, scope.MerchantSkuCodes.Select(c => skus[c.Normalized]).ToList(), scope.StoreIds.Select(s => s.Value).ToList(), categoryIds),
            warehouseCodes.Select(w => warehouses[w.Normalized]).ToList(),
            storeIds.Select(s => s.Value).ToList(),
            quantity,
            sellOut,
            preOrder);
        return new(validation, draft, storeIds.Select(s => stores[s.Value]).ToList());
    }

    public static string Describe(Store store) => $"'{store.Name}' ({store.Marketplace}, {store.Id})";

    sealed record Code(string Field, string Text, string Normalized);

    sealed record Ref(string Field, Guid Value);

    sealed record ScopeParts(RuleScopeKind? Kind, IReadOnlyList<Code> MerchantSkuCodes, IReadOnlyList<Ref> StoreIds, IReadOnlyList<Ref> CategoryIds);

    static ScopeParts ValidateScope(RuleRequest.ScopeBody? scope, Validation validation)
    {
        if (scope is null)
        {
            validation.Add("scope", "'scope' is required: { \"kind\": \"Skus\" | \"Stores\" | \"Categories\" | \"All\", ... }.");
            return new(null, [], [], []);
        }

        if (scope.Kind is not { } kind)
        {
            validation.Add("scope.kind", "'scope.kind' is required: one of Skus, Stores, Categories, All.");
            return new(null, [], [], []);
        }

        NotUsed(scope.MerchantSkuCodes, kind == RuleScopeKind.Skus, "scope.merchantSkuCodes", RuleScopeKind.Skus, validation);
        NotUsed(scope.StoreIds, kind == RuleScopeKind.Stores, "scope.storeIds", RuleScopeKind.Stores, validation);
        NotUsed(scope.CategoryIds, kind == RuleScopeKind.Categories, "scope.categoryIds", RuleScopeKind.Categories, validation);
        return kind switch
        {
            RuleScopeKind.Skus => new(kind, Codes(scope.MerchantSkuCodes, "scope.merchantSkuCodes", RuleLimits.MaxMerchantSkuCodes, "merchant SKU", validation), [], []),
            RuleScopeKind.Stores => new(kind, [], Ids(scope.StoreIds, "scope.storeIds", RuleLimits.MaxStores, "store", validation), []),
            RuleScopeKind.Categories => new(kind, [], [], Ids(scope.CategoryIds, "scope.categoryIds", RuleLimits.MaxCategories, "category", validation)),
            _ => new(kind, [], [], []),
        };
    }

    static void NotUsed<T>(IReadOnlyList<T>? list, bool used, string field, RuleScopeKind owner, Validation validation)
    {
        if (!used && list is { Count: > 0 })
        {
            validation.Add(field, $"'{field}' is only used when 'scope.kind' is {owner}; leave it empty.");
        }
    }

    static List<Code> Codes(IReadOnlyList<string?>? values, string field, int max, string what, Validation validation)
    {
        if (values is not { Count: > 0 })
        {
            validation.Add(field, $"'{field}' must list at least one {what} code.");
            return [];
        }

        if (values.Count > max)
        {
            // Checking each of thousands of surplus codes would bury the one error that matters.
            validation.Add(field, $"At most {max} {what} codes per rule; this one has {values.Count}.");
            return [];
        }

        var codes = new List<Code>(values.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var itemField = $"{field}[{i}]";
            var value = values[i];
            if (string.IsNullOrWhiteSpace(value))
            {
                validation.Add(itemField, $"'{itemField}' must not be empty.");
                continue;
            }

            var text = value.Trim();
            if (text.Length > RuleLimits.MaxCodeLength || text.Any(char.IsControl))
            {
                validation.Add(itemField, $"'{itemField}' must be at most {RuleLimits.MaxCodeLength} characters without control characters.");
                continue;
            }

            var normalized = ServiceDefaults.Codes.Normalize(text);
            if (seen.TryGetValue(normalized, out var first))
            {
                validation.Add(itemField, $"'{text}' is listed twice: it is the same code as {field}[{first}] (codes compare trimmed and case-insensitively).");
                continue;
            }

            seen[normalized] = i;
            codes.Add(new(itemField, text, normalized));
        }

        return codes;
    }

    static List<Ref> Ids(IReadOnlyList<Guid>? values, string field, int max, string what, Validation validation)
    {
        if (values is not { Count: > 0 })
        {
            validation.Add(field, $"'{field}' must list at least one {what}.");
            return [];
        }

        if (values.Count > max)
        {
            validation.Add(field, $"At most {max} {what} ids per rule; this one has {values.Count}.");
            return [];
        }

        var ids = new List<Ref>(values.Count);
        var seen = new Dictionary<Guid, int>();
        for (var i = 0; i < values.Count; i++)
        {
            if (seen.TryGetValue(values[i], out var first))
            {
                validation.Add($"{field}[{i}]", $"{what} '{values[i]}' is listed twice (also {field}[{first}]).");
                continue;
            }

            seen[values[i]] = i;
            ids.Add(new($"{field}[{i}]", values[i]));
        }

        return ids;
    }

    static void Unknown(IEnumerable<Ref> ids, Func<Guid, bool> known, string what, Validation validation)
    {
        foreach (var id in ids.Where(i => !known(i.Value)))
        {
            validation.Add(id.Field, $"Unknown {what} '{id.Value}': no such {what} in this account.");
        }
    }

    static void Unknown(IEnumerable<Code> codes, Func<string, bool> known, string what, Validation validation)
    {
        foreach (var code in codes.Where(c => !known(c.Normalized)))
        {
            validation.Add(code.Field, $"Unknown {what} code '{code.Text}': no such {what} in this account.");
        }
    }

    static QuantityFormula ValidateQuantity(RuleRequest.QuantityBody? quantity, Validation validation)
    {
        var percent = quantity?.Percent ?? 100m;
        var offset = quantity?.Offset ?? 0;
        var buffer = quantity?.Buffer ?? 0;
        var max = quantity?.Max;
        if (percent is < RuleLimits.MinPercent or > RuleLimits.MaxPercent)
        {
            validation.Add("quantity.percent", $"'quantity.percent' must be from {RuleLimits.MinPercent} to {RuleLimits.MaxPercent}; it is {percent}.");
        }
        else if (decimal.Round(percent, RuleLimits.PercentScale) != percent)
        {
            validation.Add("quantity.percent", $"'quantity.percent' may have at most {RuleLimits.PercentScale} decimal places; it is {percent}.");
        }

        validation.Require(offset >= 0, "quantity.offset", $"'quantity.offset' must be 0 or more; it is {offset}.");
        validation.Require(buffer >= 0, "quantity.buffer", $"'quantity.buffer' must be 0 or more; it is {buffer}.");
        validation.Require(max is null or >= 0, "quantity.max", $"'quantity.max' must be 0 or more, or null for no cap; it is {max}.");
        return new QuantityFormula(percent, offset, quantity?.Rounding ?? Rounding.Down, buffer, max);
    }

    static AboutToSellOut? ValidateSellOut(RuleRequest.AboutToSellOutBody? sellOut, IReadOnlyList<Ref> storeIds, Validation validation)
    {
        if (sellOut is null)
        {
            return null;
        }

        if (sellOut.Threshold is not { } threshold)
        {
            validation.Add("aboutToSellOut.threshold", "'aboutToSellOut.threshold' is required: 1 or more.");
        }
        else if (threshold < 1)
        {
            validation.Add("aboutToSellOut.threshold", $"'aboutToSellOut.threshold' must be 1 or more; it is {threshold}.");
        }

        if (sellOut.DesignatedStoreId is not { } designated)
        {
            validation.Add("aboutToSellOut.designatedStoreId", "'aboutToSellOut.designatedStoreId' is required: one of the rule's storeIds.");
        }
        else if (!storeIds.Any(s => s.Value == designated))
        {
            validation.Add("aboutToSellOut.designatedStoreId", $"The designated store '{designated}' must be one of the rule's storeIds.");
        }

        return sellOut is { Threshold: { } t, DesignatedStoreId: { } d } ? new AboutToSellOut(t, d) : null;
    }

    static PreOrderPolicy? ValidatePreOrder(RuleRequest.PreOrderBody? preOrder, Validation validation)
    {
        if (preOrder is null)
        {
            return null;
        }

        Required(preOrder.EnableAtOrBelow, "preOrder.enableAtOrBelow", 0, validation);
        Required(preOrder.AddQuantity, "preOrder.addQuantity", 0, validation);
        Required(preOrder.CloseAbove, "preOrder.closeAbove", 0, validation);
        if (preOrder is { EnableAtOrBelow: { } x, CloseAbove: { } z } && x >= z)
        {
            validation.Add("preOrder.closeAbove", $"'preOrder.closeAbove' ({z}) must be greater than 'preOrder.enableAtOrBelow' ({x}).");
        }

        if (preOrder.DaysToShip is not { } days)
        {
            validation.Add("preOrder.daysToShip", $"'preOrder.daysToShip' is required: {RuleLimits.MinPreOrderDaysToShip} to {RuleLimits.MaxPreOrderDaysToShip} (Shopee's range for pre-order items).");
        }
        else if (days is < RuleLimits.MinPreOrderDaysToShip or > RuleLimits.MaxPreOrderDaysToShip)
        {
            validation.Add("preOrder.daysToShip", $"'preOrder.daysToShip' must be from {RuleLimits.MinPreOrderDaysToShip} to {RuleLimits.MaxPreOrderDaysToShip} (Shopee's range for pre-order items); it is {days}.");
        }

        return preOrder is { EnableAtOrBelow: { } a, AddQuantity: { } b, CloseAbove: { } c, DaysToShip: { } d } ? new PreOrderPolicy(a, b, c, d) : null;
    }

    static void Required(int? value, string field, int min, Validation validation)
    {
        if (value is null)
        {
            validation.Add(field, $"'{field}' is required: {min} or more.");
        }
        else if (value < min)
        {
            validation.Add(field, $"'{field}' must be {min} or more; it is {value}.");
        }
    }
}
