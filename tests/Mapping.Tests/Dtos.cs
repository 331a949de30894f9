namespace PushInventory.Mapping.Tests;

internal sealed record LinkDto(Guid StoreSkuId, Guid StoreId, string? StoreName, string SellerSku, Guid? MerchantSkuId, string? MerchantSkuCode, long Version, DateTime? ChangedAt, string? ChangedBy);

internal sealed record LinkPageDto(List<LinkDto> Items, string? NextCursor);

internal sealed record BulkRowDto(int Row, string Status, string? Reason, Guid? StoreSkuId, Guid? MerchantSkuId);

internal sealed record BulkDto(int Total, int Mapped, int Unchanged, int Failed, List<BulkRowDto> Rows);

internal sealed record PairDto(Guid StoreSkuId, string SellerSku, Guid MerchantSkuId, string MerchantSkuCode);

internal sealed record AutoDto(int Scanned, int Mapped, int AlreadyMapped, int NoMatch, List<PairDto> Pairs);

internal sealed record StepDto(string Rule, string Result, string? Note);

internal sealed record NormalizationTestDto(string Input, List<StepDto> Steps, string Normalized);

internal sealed record ChangeDto(long Id, Guid StoreSkuId, Guid StoreId, Guid? MerchantSkuIdBefore, string? MerchantSkuCodeBefore, Guid? MerchantSkuIdAfter, string? MerchantSkuCodeAfter, long Version, string Reason, string ChangedBy, DateTime ChangedAt);

internal sealed record ChangePageDto(List<ChangeDto> Items, string? NextCursor);

internal sealed record ProblemDto(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);
