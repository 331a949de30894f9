namespace PushInventory.Mapping.Domain;

/// <summary>Why a link changed, kept in the change log.</summary>
internal enum ChangeReason
{
    /// <summary><c>PUT /links</c>.</summary>
    Linked,

    /// <summary><c>DELETE /links/{storeSkuId}</c>.</summary>
    Unlinked,

    /// <summary>A row of <c>POST /links/bulk</c>.</summary>
    Bulk,

    /// <summary><c>POST /auto</c>.</summary>
    AutoMapping,

    /// <summary>A store SKU or merchant SKU arrived and the tenant auto-maps new SKUs.</summary>
    AutoMappingOnArrival,

    /// <summary>The Catalog's <c>LinkStoreSku</c> command.</summary>
    LinkCommand,

    /// <summary>The store SKU was deleted in the Catalog.</summary>
    StoreSkuDeleted,

    /// <summary>The merchant SKU was deleted in the Catalog.</summary>
    MerchantSkuDeleted,
}
