namespace PushInventory.Sandbox.Endpoints;

internal sealed record ShopRegistered(string Marketplace, string Shop);
