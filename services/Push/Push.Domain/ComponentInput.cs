namespace PushInventory.Push.Domain;

/// <summary>One component of a bundle: a merchant SKU code and how many units one bundle takes.</summary>
public sealed record ComponentInput(string Code, int Quantity);
