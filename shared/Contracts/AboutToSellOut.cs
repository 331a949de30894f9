namespace PushInventory.Contracts;

/// <summary>About to be sold out: when A is below the threshold only the designated store gets stock.</summary>
/// <param name="Threshold">T.</param>
/// <param name="DesignatedStoreId">D, one of the rule's stores.</param>
public sealed record AboutToSellOut(int Threshold, Guid DesignatedStoreId);
