namespace PushInventory.Stock.Domain;

internal sealed record LevelView(string WarehouseCode, int OnHand, int Allocated, int Available, long Version);
