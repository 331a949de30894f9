namespace PushInventory.Stock;

/// <summary>A batch kept meeting concurrent writers of its levels; nothing of it was stored and it can be sent again.</summary>
internal sealed class StockBusyException(Exception inner)
    : Exception("The stock levels of this batch kept changing concurrently; nothing was stored. Send the batch again.", inner);
