using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>Convert to pre-order (Shopee only): a per store SKU state with hysteresis between X and Z.</summary>
internal static class PreOrder
{
    /// <summary>
    /// The outcome for a store SKU. A store that about-to-be-sold-out sends 0 to is switched off: a Shopee
    /// listing in pre-order with no stock promises goods the seller chose to keep for the designated store,
    /// and the hysteresis starts again from off once A recovers. A Shopee store SKU left in pre-order by a
    /// rule that no longer has the policy is switched off, so a removed policy does not linger on the shop.
    /// </summary>
    public static PreOrderOutcome Evaluate(PreOrderPolicy? policy, bool isShopee, bool inPreOrder, int available, SellOutOutcome sellOut)
    {
        if (!isShopee)
        {
            return PreOrderOutcome.NotApplicable;
        }

        if (policy is null)
        {
            return inPreOrder ? PreOrderOutcome.OffWithoutPolicy : PreOrderOutcome.NotApplicable;
        }

        if (sellOut == SellOutOutcome.NotDesignated)
        {
            return PreOrderOutcome.OffBySellOut;
        }

        return inPreOrder
            ? available <= policy.CloseAbove ? PreOrderOutcome.StaysOn : PreOrderOutcome.SwitchedOff
            : available <= policy.EnableAtOrBelow ? PreOrderOutcome.SwitchedOn : PreOrderOutcome.StaysOff;
    }

    public static bool IsOn(PreOrderOutcome outcome) => outcome is PreOrderOutcome.SwitchedOn or PreOrderOutcome.StaysOn;

    /// <summary>The flag to push: null leaves the marketplace's flag as it is.</summary>
    public static bool? Flag(PreOrderOutcome outcome) => outcome == PreOrderOutcome.NotApplicable ? null : IsOn(outcome);
}
