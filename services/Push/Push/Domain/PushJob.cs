namespace PushInventory.Push.Domain;

/// <summary>One "Push Now" request; its progress is counted from the records that carry its id.</summary>
internal sealed class PushJob
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string RequestedBy { get; set; }

    /// <summary>Set when the request was recomputed; <see cref="Total"/> is known from then on.</summary>
    public bool Planned { get; set; }
    public int Total { get; set; }
}
