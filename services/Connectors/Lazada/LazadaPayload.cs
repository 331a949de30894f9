using System.Globalization;
using System.Xml.Linq;
using PushInventory.Connectors.Resilience;

namespace PushInventory.Connectors.Lazada;

/// <summary>The XML <c>payload</c> of <c>/product/stock/sellable/update</c>.</summary>
internal static class LazadaPayload
{
    public static string Build(StoreTarget store, IEnumerable<StockUpdate> updates)
    {
        var skus = new XElement("Skus");
        foreach (var update in updates)
        {
            var sku = new XElement("Sku");
            if (update.ItemId is { } itemId)
            {
                sku.Add(new XElement("ItemId", itemId.ToString(CultureInfo.InvariantCulture)));
            }

            if (update.SkuId is { } skuId)
            {
                sku.Add(new XElement("SkuId", skuId.ToString(CultureInfo.InvariantCulture)));
            }

            sku.Add(new XElement("SellerSku", update.SellerSku));
            var warehouses = Batches.Warehouses(store, update);
            if (warehouses.Count == 0)
            {
                sku.Add(new XElement("SellableQuantity", update.Quantity.ToString(CultureInfo.InvariantCulture)));
            }
            else
            {
                sku.Add(new XElement(
                    "MultiWarehouseInventories",
                    warehouses.Select((warehouse, w) => new XElement(
                        "MultiWarehouseInventory",
                        new XElement("WarehouseCode", warehouse),
                        new XElement("SellableQuantity", Batches.QuantityAt(update, w).ToString(CultureInfo.InvariantCulture))))));
            }

            skus.Add(sku);
        }

        return new XElement("Request", new XElement("Product", skus)).ToString(SaveOptions.DisableFormatting);
    }
}
