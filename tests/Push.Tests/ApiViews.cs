namespace PushInventory.Push.Tests;

public sealed record RecordItem(
    Guid Id,
    DateTime CreatedAt,
    Guid StoreId,
    string? StoreName,
    string? Marketplace,
    Guid StoreSkuId,
    string? SellerSku,
    string? MerchantSkuCode,
    Guid? RuleId,
    string? RuleName,
    List<string> Warehouses,
    int? Available,
    int? QuantityBefore,
    int? Change,
    int? Quantity,
    bool? PreOrder,
    int? DaysToShip,
    string Reason,
    string Status,
    string? Note,
    string? ErrorCode,
    string? ErrorMessage,
    int Attempts,
    string? TraceId,
    Guid? JobId,
    DateTime? CompletedAt);

public sealed record RecordPage(List<RecordItem> Items, string? NextCursor);

public sealed record JobView(Guid Id, string Status, int Total, int Done, int Succeeded, int Failed, int Skipped, DateTime CreatedAt);

public sealed record JobAccepted(Guid JobId);

public sealed record StepItem(string Name, decimal Value, string Text);

public sealed record SimulationItem(
    Guid StoreSkuId,
    Guid StoreId,
    string? StoreName,
    string? Marketplace,
    string? SellerSku,
    string? MerchantSkuCode,
    Guid? RuleId,
    string? RuleName,
    string? NoPushReason,
    int? Available,
    List<string> Warehouses,
    List<StepItem> Steps,
    int? Quantity,
    bool? PreOrder,
    int? DaysToShip);

public sealed record SimulationView(List<SimulationItem> Items);
