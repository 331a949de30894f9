namespace PushInventory.Push.Domain;

/// <summary>Available stock per (code id, warehouse id). A missing entry means no level was ever received.</summary>
internal sealed class StockTable
{
    private readonly Dictionary<long, int> _available = [];

    public bool TryAdd(int codeId, int warehouseId, int available) => _available.TryAdd(Key(codeId, warehouseId), available);

    public bool TryGet(int codeId, int warehouseId, out int available) =>
        _available.TryGetValue(Key(codeId, warehouseId), out available);

    private static long Key(int codeId, int warehouseId) => ((long)codeId << 32) | (uint)warehouseId;
}
