using PushInventory.Contracts;

namespace PushInventory.Push.Domain;

/// <summary>One push of one store SKU (or one computation that was skipped), as the push log shows it.</summary>
internal sealed class PushRecord
{
    /// <summary>Insertion order: breaks ties of <see cref="CreatedAt"/> in keyset paging.</summary>
    public long Sequence { get; set; }
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid StoreId { get; set; }
    public string? StoreName { get; set; }
    public Marketplace? Marketplace { get; set; }
    public Guid StoreSkuId { get; set; }
    public string? SellerSku { get; set; }
    public string? MerchantSkuCode { get; set; }
    public string? NormalizedMerchantSkuCode { get; set; }
    public Guid? RuleId { get; set; }
    public string? RuleName { get; set; }
    public List<string> Warehouses { get; set; } = [];
    public int? Available { get; set; }
    public int? QuantityBefore { get; set; }
    public int? Change { get; set; }
    public int? Quantity { get; set; }
    public bool? PreOrder { get; set; }
    public int? DaysToShip { get; set; }
    public TriggerReason Reason { get; set; }
    public PushStatus Status { get; set; }

    /// <summary>Why it was skipped (superseded, or why nothing is pushed).</summary>
    public string? Note { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public int Attempts { get; set; }
    public string? TraceId { get; set; }
    public Guid? JobId { get; set; }
    public long DesiredVersion { get; set; }
    public DateTime? CompletedAt { get; set; }

    public void Skip(string note, DateTime now)
    {
        Status = PushStatus.Skipped;
        Note = note;
        CompletedAt = now;
    }
}
