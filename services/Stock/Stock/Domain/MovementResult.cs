namespace PushInventory.Stock.Domain;

internal sealed record MovementResult(string Id, MovementStatus Status, string? Reason, LevelView? Level);
