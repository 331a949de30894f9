namespace PushInventory.TestSupport;

/// <summary>Where a running system answers: its gateway paths, its admin key, and the Sandbox marketplace it pushes to.</summary>
/// <param name="Gateway">The public API (the gateway, or the embedded host).</param>
/// <param name="AdminKey">The admin key it was started with.</param>
/// <param name="Sandbox">The Sandbox (the embedded host itself, or the Sandbox process).</param>
public sealed record SystemUnderTest(Uri Gateway, string AdminKey, Uri Sandbox);
