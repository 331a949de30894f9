namespace PushInventory.Push.Domain;

/// <summary>One named step of a decision's arithmetic, e.g. ("buffer", 7, "buffer -2 -> 7").</summary>
public sealed record DecisionStep(string Name, decimal Value, string Text);
