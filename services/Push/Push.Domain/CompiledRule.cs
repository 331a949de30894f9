using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>A rule prepared for fast decisions: codes and warehouses interned, scope resolved to sets.</summary>
internal sealed class CompiledRule
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required int Priority { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required RuleScopeKind ScopeKind { get; init; }

    /// <summary>Code ids covered, for <see cref="RuleScopeKind.Skus"/> and <see cref="RuleScopeKind.Stores"/>.</summary>
    public HashSet<int>? CoveredCodes { get; init; }

    /// <summary>Categories covered, for <see cref="RuleScopeKind.Categories"/>.</summary>
    public HashSet<Guid>? CoveredCategories { get; init; }

    public required int[] WarehouseIds { get; init; }

    public required string[] WarehouseCodes { get; init; }

    public required QuantityFormula Formula { get; init; }

    public AboutToSellOut? SellOut { get; init; }

    public PreOrderPolicy? PreOrder { get; init; }

    public bool Covers(MerchantSku sku) => ScopeKind switch
    {
        RuleScopeKind.All => true,
        RuleScopeKind.Skus or RuleScopeKind.Stores => CoveredCodes!.Contains(sku.CodeId),
        RuleScopeKind.Categories => sku.CategoryId is { } category && CoveredCategories!.Contains(category),
        _ => false,
    };

    /// <summary>Selection order: smaller priority first, then earlier creation, then id so that the order never depends on input order.</summary>
    public static int CompareBySelectionOrder(CompiledRule? x, CompiledRule? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byPriority = x.Priority.CompareTo(y.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byCreation = x.CreatedAt.CompareTo(y.CreatedAt);
        return byCreation != 0 ? byCreation : x.Id.CompareTo(y.Id);
    }
}
