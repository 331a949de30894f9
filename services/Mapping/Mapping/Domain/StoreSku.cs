namespace PushInventory.Mapping.Domain;

/// <summary>
/// A Catalog store SKU (learnt from <c>StoreSkuChanged</c>) and its link to a merchant SKU, which this
/// service owns. <see cref="Sequence"/> is a local arrival order that lists page on.
/// </summary>
internal sealed class StoreSku
{
    public long Sequence { get; set; }
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid StoreId { get; set; }
    public required string SellerSku { get; set; }

    /// <summary>The seller SKU trimmed and upper-cased, for look-ups by (store, seller SKU).</summary>
    public required string NormalizedSellerSku { get; set; }

    /// <summary>The seller SKU under the tenant's normalisation rules; null when it normalises to nothing.</summary>
    public string? MatchKey { get; set; }

    public bool Deleted { get; set; }
    public long Version { get; set; }

    public Guid? MerchantSkuId { get; set; }

    /// <summary>The linked merchant SKU's code, kept current when the Catalog renames it.</summary>
    public string? MerchantSkuCode { get; set; }

    /// <summary>Grows by one with every change of the link; a concurrency token, so two writers never both win.</summary>
    public long MappingVersion { get; set; }

    public DateTime? ChangedAt { get; set; }
    public string? ChangedBy { get; set; }

    /// <summary>Points the link at <paramref name="target"/> (null unlinks); null when nothing changes.</summary>
    public MappingChange? Relink(MerchantSku? target, string changedBy, ChangeReason reason, DateTime now)
    {
        if (MerchantSkuId == target?.Id)
        {
            return null;
        }

        var change = new MappingChange
        {
            TenantId = TenantId,
            StoreSkuId = Id,
            StoreId = StoreId,
            MerchantSkuIdBefore = MerchantSkuId,
            MerchantSkuCodeBefore = MerchantSkuCode,
            MerchantSkuIdAfter = target?.Id,
            MerchantSkuCodeAfter = target?.Code,
            Version = MappingVersion + 1,
            Reason = reason,
            ChangedBy = changedBy,
            ChangedAt = now,
        };
        MerchantSkuId = target?.Id;
        MerchantSkuCode = target?.Code;
        MappingVersion = change.Version;
        ChangedAt = now;
        ChangedBy = changedBy;
        return change;
    }
}
