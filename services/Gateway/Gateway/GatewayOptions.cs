using System.ComponentModel.DataAnnotations;

namespace PushInventory.Gateway;

/// <summary>Section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway";

    /// <summary>The key <c>/api/admin/**</c> requires in <c>X-Admin-Key</c>. No default: a host refuses to start without one.</summary>
    [Required(ErrorMessage = "Gateway:AdminApiKey is required (set Gateway__AdminApiKey); the gateway refuses to start without an admin key.")]
    [MinLength(8, ErrorMessage = "Gateway:AdminApiKey must be at least 8 characters.")]
    public string AdminApiKey { get; set; } = "";

    /// <summary>Requests per second each tenant may make (token bucket refill).</summary>
    [Range(1, 100_000)]
    public int RateLimitPerSecond { get; set; } = 100;

    /// <summary>How many requests a tenant may burst above the steady rate.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 200;
}
