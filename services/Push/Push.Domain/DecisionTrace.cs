using System.Collections;
using System.Globalization;
using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>
/// The numbers of one pushed decision, kept compactly; the named steps (with their text) are built on
/// first use so that deciding many store SKUs formats no strings.
/// </summary>
internal sealed class DecisionTrace : IReadOnlyList<DecisionStep>
{
    private DecisionStep[]? _steps;

    public required int Available { get; init; }

    public required bool IsBundle { get; init; }

    public required string[] WarehouseCodes { get; init; }

    public required QuantityFormula Formula { get; init; }

    public required decimal AfterBuffer { get; init; }

    public required decimal Raw { get; init; }

    public required int Rounded { get; init; }

    public AboutToSellOut? SellOutPolicy { get; init; }

    public required SellOutOutcome SellOut { get; init; }

    public PreOrderPolicy? PreOrderPolicy { get; init; }

    public required PreOrderOutcome PreOrder { get; init; }

    public required int AfterPreOrder { get; init; }

    public required int AfterCap { get; init; }

    public required int ReservedStock { get; init; }

    public required int Final { get; init; }

    public int Count => Steps.Length;

    public DecisionStep this[int index] => Steps[index];

    private DecisionStep[] Steps => _steps ??= Build();

    public IEnumerator<DecisionStep> GetEnumerator() => ((IEnumerable<DecisionStep>)Steps).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private DecisionStep[] Build()
    {
        var steps = new List<DecisionStep>(9)
        {
            Step("available", Available, $"available {Available} over {string.Join(',', WarehouseCodes)}{(IsBundle ? " (bundle)" : "")}"),
        };
        if (Formula.Buffer > 0 || Available < 0)
        {
            steps.Add(Step("buffer", AfterBuffer, $"buffer -{Math.Max(0, Formula.Buffer)} -> {Number(AfterBuffer)}"));
        }

        steps.Add(Step("formula", Raw, $"x {Number(Formula.Percent)}% + {Formula.Offset} = {Number(Raw)}"));
        steps.Add(Step("round", Rounded, $"round {Formula.Rounding} -> {Rounded}"));
        var threshold = SellOutPolicy?.Threshold ?? 0;
        switch (SellOut)
        {
            case SellOutOutcome.Inactive:
                steps.Add(Step("about to sell out", Rounded, $"about to sell out: {Available} >= {threshold}, inactive"));
                break;
            case SellOutOutcome.Designated:
                steps.Add(Step("about to sell out", Rounded, $"about to sell out: {Available} < {threshold}, designated store"));
                break;
            case SellOutOutcome.NotDesignated:
                steps.Add(Step("about to sell out", 0, $"about to sell out: {Available} < {threshold}, not designated -> 0"));
                break;
            case SellOutOutcome.None:
            default:
                break;
        }

        var extra = PreOrderPolicy?.AddQuantity ?? 0;
        var preOrderText = PreOrder switch
        {
            PreOrderOutcome.SwitchedOn => $"pre-order on: +{extra}",
            PreOrderOutcome.StaysOn => $"pre-order stays on: +{extra}",
            PreOrderOutcome.SwitchedOff => $"pre-order off: {Available} > {PreOrderPolicy?.CloseAbove}",
            PreOrderOutcome.StaysOff => $"pre-order stays off: {Available} > {PreOrderPolicy?.EnableAtOrBelow}",
            PreOrderOutcome.OffBySellOut => "pre-order off: about to sell out sends 0",
            PreOrderOutcome.OffWithoutPolicy => "pre-order off: rule has no pre-order",
            _ => null,
        };
        if (preOrderText is not null)
        {
            steps.Add(Step("pre-order", AfterPreOrder, preOrderText));
        }

        if (Formula.Max is { } max && AfterPreOrder > max)
        {
            steps.Add(Step("max", AfterCap, $"max {max}"));
        }

        if (Final != AfterCap)
        {
            steps.Add(Step("reserved floor", Final, $"reserved floor {ReservedStock}"));
        }

        steps.Add(Step("push", Final, $"push {Final}"));
        return [.. steps];
    }

    private static DecisionStep Step(string name, decimal value, string text) => new(name, value, text);

    private static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
