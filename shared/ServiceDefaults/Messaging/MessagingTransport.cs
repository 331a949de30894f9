namespace PushInventory.ServiceDefaults.Messaging;

/// <summary>The transports the bus can run on.</summary>
public enum MessagingTransport
{
    /// <summary>MassTransit's in-memory transport: one process, nothing to install.</summary>
    InMemory,

    /// <summary>RabbitMQ.</summary>
    RabbitMq,
}
