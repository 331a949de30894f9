namespace PushInventory.Push.Domain;

/// <summary>
/// The desired and the last pushed stock of one store SKU. Every recompute that changes what should be on
/// the marketplace raises <see cref="DesiredVersion"/> and points <see cref="PendingRecordId"/> at a new
/// Pending record; the dispatcher sends the desired values and settles only the version it sent, so an
/// older value is never sent after a newer one.
/// <para>
/// <see cref="Stamp"/> is the concurrency token, changed only by the planner (whenever it changes the desired
/// state): a settle or a recompute that read the state before a recompute was saved fails and is redone. A
/// settle leaves the stamp as it is, so a recompute is never redone because a push was settled meanwhile;
/// the two write different columns (the planner the desired ones, the settle the last pushed ones), and the
/// settle clears the pending push only if it is still the one it sent.
/// </para>
/// </summary>
internal sealed class PushState
{
    public Guid StoreSkuId { get; set; }
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }

    public int? DesiredQuantity { get; set; }
    public bool? DesiredPreOrder { get; set; }
    public int? DesiredDaysToShip { get; set; }

    /// <summary>The pre-order state the newest decision leaves (fed back into the next decision while pending).</summary>
    public bool DesiredInPreOrder { get; set; }
    public long DesiredVersion { get; set; }

    /// <summary>The Pending record of <see cref="DesiredVersion"/>; null when nothing waits to be sent.</summary>
    public Guid? PendingRecordId { get; set; }

    /// <summary>When the pending push is due; null when nothing is pending.</summary>
    public DateTime? NextAttemptAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the change that caused the pending computation happened (push latency is measured from it).</summary>
    public DateTime TriggeredAt { get; set; }

    public int? LastPushedQuantity { get; set; }
    public bool? LastPushedPreOrder { get; set; }
    public long LastPushedVersion { get; set; }

    /// <summary>The pre-order state the marketplace holds, as the last successful push left it.</summary>
    public bool InPreOrder { get; set; }

    public Guid Stamp { get; set; }

    /// <summary>The pre-order state the next decision starts from.</summary>
    public bool CurrentPreOrderState => PendingRecordId is null ? InPreOrder : DesiredInPreOrder;

    /// <summary>Nothing waits to be sent any more (the stamp is the caller's to change).</summary>
    public void ClearPending()
    {
        PendingRecordId = null;
        NextAttemptAt = null;
        Attempts = 0;
    }
}
