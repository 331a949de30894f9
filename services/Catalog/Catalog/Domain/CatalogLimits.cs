namespace PushInventory.Catalog.Domain;

/// <summary>Sizes and counts the Catalog accepts.</summary>
internal static class CatalogLimits
{
    public const int MaxCodeLength = 100;
    public const int MaxNameLength = 200;
    public const int MaxCategoryNameLength = 100;
    public const int MaxComponents = 100;
    public const int MaxComponentQuantity = 10_000;
    public const int FreePlanMerchantSkus = 500;
    public const int MaxImportRows = 50_000;
    public const long MaxImportBytes = 32 * 1024 * 1024;
    public const int MaxStoreSkusPerRequest = 1000;
    public const int MaxFromStoreSkus = 1000;
    public const int MaxSecretLength = 4000;
    public const int MaxPlatformWarehouseIds = 100;
    public const int MaxPlatformWarehouseIdLength = 100;
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static string FreePlanLimitMessage => $"Free plan allows at most {FreePlanMerchantSkus} merchant SKUs";
}
