using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PushInventory.ServiceDefaults;

/// <summary>The activity source and meter every PushInventory component writes to.</summary>
public static class Telemetry
{
    /// <summary>The name of the activity source and meter.</summary>
    public const string Name = "PushInventory";

    /// <summary>Traces of our own work (outbox dispatch, push batches).</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Metrics of our own work.</summary>
    public static readonly Meter Meter = new(Name);
}
