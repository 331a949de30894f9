namespace PushInventory.Connectors.Tests;

/// <summary>Stock updates for tests, with 64-bit marketplace ids.</summary>
public static class Updates
{
    public const long BaseId = 1_729_592_969_712_000_000;

    public static StockUpdate Shopee(long itemId, long modelId, int quantity, PreOrderSetting? preOrder = null, IReadOnlyList<string>? warehouses = null) =>
        new(Guid.NewGuid(), $"SKU-{itemId}-{modelId}", itemId, modelId, null, null, warehouses ?? [], quantity, preOrder);

    public static StockUpdate Lazada(long itemId, long skuId, int quantity, IReadOnlyList<string>? warehouses = null) =>
        new(Guid.NewGuid(), $"LZ-{itemId}-{skuId}", itemId, null, skuId, null, warehouses ?? [], quantity);

    public static StockUpdate TikTok(long productId, long skuId, int quantity, IReadOnlyList<string>? warehouses = null) =>
        new(Guid.NewGuid(), $"TT-{productId}-{skuId}", null, null, skuId, productId, warehouses ?? [], quantity);

    /// <summary>Items (or products) with the given numbers of models (or SKUs), with quantities 0, 1, 2...</summary>
    public static List<StockUpdate> Many(int[] perItem, Func<long, long, int, StockUpdate> make)
    {
        var updates = new List<StockUpdate>();
        for (var item = 0; item < perItem.Length; item++)
        {
            var itemId = BaseId + (SandboxDriver.NewId() * 1000);
            for (var model = 0; model < perItem[item]; model++)
            {
                updates.Add(make(itemId, itemId + model + 1, updates.Count % 97));
            }
        }

        return updates;
    }
}
