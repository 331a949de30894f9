using PushInventory.ServiceDefaults;

namespace PushInventory.Push.Dispatch;

/// <summary>Wakes the dispatcher when a recompute committed new pending pushes.</summary>
internal sealed class DispatchSignal : WakeSignal;
