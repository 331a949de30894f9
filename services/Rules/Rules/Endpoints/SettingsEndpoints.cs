using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Rules.Endpoints;

/// <summary><c>/api/settings</c>: the Inventory Features switch and the plan. An unknown tenant is Free with the switch off.</summary>
internal static class SettingsEndpoints
{
    public static RouteGroupBuilder MapSettingsEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetAsync);
        group.MapPut("/", PutAsync);
        return group;
    }

    static async Task<Ok<SettingsView>> GetAsync(HttpContext http, RulesDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var settings = await db.TenantSettings.AsNoTracking().FirstOrDefaultAsync(t => t.TenantId == tenantId, cancellationToken)
            ?? TenantSettings.Default(tenantId, time.UtcNow());
        return TypedResults.Ok(new SettingsView(settings.InventoryFeaturesEnabled, settings.Plan));
    }

    /// <summary>Publishes <c>TenantSettingsChanged</c> only when the switch really changed.</summary>
    static async Task<Results<Ok<SettingsView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        SettingsRequest request, HttpContext http, RulesDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.InventoryFeaturesEnabled is not { } enabled)
        {
            return new Validation().Add("inventoryFeaturesEnabled", "'inventoryFeaturesEnabled' is required: true or false.").ToProblem();
        }

        var tenantId = http.GetTenantId();
        var now = time.UtcNow();
        var settings = await db.TenantSettings.FirstOrDefaultAsync(t => t.TenantId == tenantId, cancellationToken);
        if (settings is null)
        {
            settings = TenantSettings.Default(tenantId, now);
            db.TenantSettings.Add(settings);
        }

        if (settings.InventoryFeaturesEnabled != enabled)
        {
            settings.InventoryFeaturesEnabled = enabled;
            db.AddOutboxMessage(settings.Changed(now), now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("The settings of this account changed at the same time as this request (e.g. a plan change); nothing was saved. Read them again and retry.");
        }

        return TypedResults.Ok(new SettingsView(settings.InventoryFeaturesEnabled, settings.Plan));
    }
}
