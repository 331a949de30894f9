using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>About to be sold out: when raw A is below T, only the designated store keeps the formula's quantity.</summary>
internal static class SellOut
{
    public static SellOutOutcome Evaluate(AboutToSellOut? policy, int available, Guid storeId) =>
        policy is null ? SellOutOutcome.None
        : available >= policy.Threshold ? SellOutOutcome.Inactive
        : storeId == policy.DesignatedStoreId ? SellOutOutcome.Designated
        : SellOutOutcome.NotDesignated;
}
