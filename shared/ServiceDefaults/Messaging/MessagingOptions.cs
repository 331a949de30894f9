using System.ComponentModel.DataAnnotations;

namespace PushInventory.ServiceDefaults.Messaging;

/// <summary>Which bus the services talk over. Section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Messaging";

    /// <summary><c>InMemory</c> (embedded: one process) or <c>RabbitMq</c> (distributed; needs <c>ConnectionStrings:RabbitMq</c>).</summary>
    [Required]
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>Messages the broker delivers ahead to each receive endpoint.</summary>
    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 128;

    /// <summary>
    /// Messages a receive endpoint works on at once. Each holds a database connection while it runs, so this
    /// (times the endpoints) bounds what a service asks of its connection pool and of PostgreSQL.
    /// </summary>
    [Range(1, 1000)]
    public int ConcurrentMessageLimit { get; set; } = 16;
}
