namespace PushInventory.Catalog.Domain;

/// <summary>A merchant SKU is a single item or a bundle of singles; the kind is fixed at creation.</summary>
internal enum MerchantSkuKind
{
    Single,
    Bundle,
}
