namespace PushInventory.Push.Domain;

/// <summary>A merchant SKU with its code interned to <see cref="CodeId"/>; a bundle when it has components.</summary>
internal sealed class MerchantSku(int codeId, string code, Guid? categoryId, ComponentRef[] components)
{
    public int CodeId { get; } = codeId;

    public string Code { get; } = code;

    public Guid? CategoryId { get; } = categoryId;

    public ComponentRef[] Components { get; } = components;

    public bool IsBundle => Components.Length > 0;
}
