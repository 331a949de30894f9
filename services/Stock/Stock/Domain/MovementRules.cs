using PushInventory.Contracts;

namespace PushInventory.Stock.Domain;

/// <summary>The shape every movement must have, whether it came over HTTP or the bus.</summary>
internal static class MovementRules
{
    public const int MaxPerBatch = 1000;
    public const int MaxIdLength = 100;
    public const int MaxCodeLength = 100;
    public const int MaxReferenceLength = 200;

    /// <summary>Every problem with one movement, as (field, message) pairs; empty when it is well formed.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(StockMovement? movement)
    {
        if (movement is null)
        {
            yield return ("", "a movement is required");
            yield break;
        }

        foreach (var problem in Text(movement.Id, "id", MaxIdLength))
        {
            yield return problem;
        }

        foreach (var problem in Text(movement.MerchantSkuCode, "merchantSkuCode", MaxCodeLength))
        {
            yield return problem;
        }

        foreach (var problem in Text(movement.WarehouseCode, "warehouseCode", MaxCodeLength))
        {
            yield return problem;
        }

        if (!Enum.IsDefined(movement.Kind))
        {
            yield return ("kind", $"'kind' must be one of {string.Join(", ", Enum.GetNames<StockMovementKind>())}");
        }

        if (movement.Kind == StockMovementKind.Count ? movement.Quantity < 0 : movement.Quantity <= 0)
        {
            yield return ("quantity", movement.Kind == StockMovementKind.Count
                ? "'quantity' of a count must not be negative"
                : "'quantity' must be greater than zero");
        }

        if (movement.Reference is { Length: > MaxReferenceLength })
        {
            yield return ("reference", $"'reference' must be at most {MaxReferenceLength} characters");
        }
    }

    static IEnumerable<(string, string)> Text(string? value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return (field, $"'{field}' is required");
        }
        else if (value.Trim().Length > max)
        {
            yield return (field, $"'{field}' must be at most {max} characters");
        }
        else if (value.Any(char.IsControl))
        {
            yield return (field, $"'{field}' must not contain control characters");
        }
    }
}
