namespace PushInventory.Rules.Endpoints;

/// <summary>The body of <c>PUT /api/settings</c>.</summary>
internal sealed record SettingsRequest(bool? InventoryFeaturesEnabled);
