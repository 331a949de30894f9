namespace PushInventory.Push.Domain;

/// <summary>A store SKU resolved against the snapshot: <see cref="Merchant"/> is null when not mapped to a known merchant SKU.</summary>
internal sealed class StoreSku(Guid id, Guid storeId, string? mappedCode, MerchantSku? merchant, int reservedStock, bool inPreOrder)
{
    public Guid Id { get; } = id;

    public Guid StoreId { get; } = storeId;

    public string? MappedCode { get; } = mappedCode;

    public MerchantSku? Merchant { get; } = merchant;

    public int ReservedStock { get; } = reservedStock;

    public bool InPreOrder { get; } = inPreOrder;
}
