using PushInventory.TestSupport;

namespace PushInventory.Mapping.Tests;

/// <summary>One Mapping host per test class; every test makes its own <see cref="Seller"/> (its own tenant).</summary>
public sealed class MappingFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Factory { get; } = new();

    internal Seller NewSeller() => new(Factory, Guid.NewGuid());

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
