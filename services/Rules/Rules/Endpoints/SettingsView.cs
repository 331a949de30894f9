using PushInventory.Contracts;

namespace PushInventory.Rules.Endpoints;

/// <summary>A tenant's settings as <c>GET /api/settings</c> returns them.</summary>
internal sealed record SettingsView(bool InventoryFeaturesEnabled, Plan Plan);
