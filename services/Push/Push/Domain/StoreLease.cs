namespace PushInventory.Push.Domain;

/// <summary>Which Push instance may push to a store until when: two instances never push one store at once.</summary>
internal sealed class StoreLease
{
    public Guid StoreId { get; set; }
    public required string LeasedBy { get; set; }
    public DateTime LeasedUntil { get; set; }
}
