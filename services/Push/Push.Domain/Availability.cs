namespace PushInventory.Push.Domain;

/// <summary>A: the available stock of a merchant SKU summed over a rule's warehouses.</summary>
internal static class Availability
{
    /// <summary>
    /// Returns null when A is unknown: no level was ever received for the SKU (for a bundle: for some
    /// component) in any of the warehouses. A warehouse without a level, while another has one, counts 0.
    /// A bundle's availability per warehouse is floor(min over components of available / quantity), where
    /// a negative component level (an explicit oversell) counts as 0.
    /// </summary>
    public static int? Compute(MerchantSku sku, int[] warehouseIds, StockTable stock) =>
        sku.IsBundle ? ForBundle(sku.Components, warehouseIds, stock) : ForSingle(sku.CodeId, warehouseIds, stock);

    private static int? ForSingle(int codeId, int[] warehouseIds, StockTable stock)
    {
        var known = false;
        long sum = 0;
        foreach (var warehouseId in warehouseIds)
        {
            if (stock.TryGet(codeId, warehouseId, out var available))
            {
                known = true;
                sum += available;
            }
        }

        return known ? Clamp(sum) : null;
    }

    private static int? ForBundle(ComponentRef[] components, int[] warehouseIds, StockTable stock)
    {
        foreach (var component in components)
        {
            if (ForSingle(component.CodeId, warehouseIds, stock) is null)
            {
                return null;
            }
        }

        long sum = 0;
        foreach (var warehouseId in warehouseIds)
        {
            var bundles = int.MaxValue;
            foreach (var component in components)
            {
                stock.TryGet(component.CodeId, warehouseId, out var available);
                bundles = Math.Min(bundles, Math.Max(0, available) / component.Quantity);
            }

            sum += bundles;
        }

        return Clamp(sum);
    }

    private static int Clamp(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
