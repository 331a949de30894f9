using System.Diagnostics.Metrics;
using PushInventory.ServiceDefaults;

namespace PushInventory.Push;

/// <summary>The Push service's metrics, on the shared PushInventory meter.</summary>
internal static class PushMetrics
{
    public static readonly Histogram<double> Latency = Telemetry.Meter.CreateHistogram<double>(
        "pushinventory.push.latency", "ms", "From the triggering change to the marketplace call done.");

    public static readonly Counter<long> Outcomes = Telemetry.Meter.CreateCounter<long>(
        "pushinventory.push.outcomes", "{push}", "Pushes by outcome (succeeded, retrying, failed).");

    public static readonly Counter<long> Superseded = Telemetry.Meter.CreateCounter<long>(
        "pushinventory.push.superseded", "{computation}", "Pending computations replaced by a newer one before they were sent.");
}
