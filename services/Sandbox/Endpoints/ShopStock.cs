using PushInventory.Sandbox.Domain;

namespace PushInventory.Sandbox.Endpoints;

internal sealed record ShopStock(string Marketplace, string Shop, IReadOnlyList<SkuStock> Skus, IReadOnlyList<PreOrderState> PreOrders);
