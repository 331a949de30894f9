namespace PushInventory.Push.Domain;

/// <summary>The newest known available stock of a merchant SKU in a warehouse.</summary>
public sealed record StockLevelInput(string MerchantSkuCode, string WarehouseCode, int Available);
