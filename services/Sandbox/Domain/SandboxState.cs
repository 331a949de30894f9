using System.Collections.Concurrent;

namespace PushInventory.Sandbox.Domain;

/// <summary>All shops of the sandbox, in memory.</summary>
internal sealed class SandboxState
{
    private readonly ConcurrentDictionary<ShopKey, SandboxShop> shops = new();

    /// <summary>Registers a shop, replacing any earlier one with the same key (and its stock).</summary>
    public void Register(SandboxShop shop) => shops[shop.Key] = shop;

    public SandboxShop? Find(ShopKey key) => shops.GetValueOrDefault(key);
}
