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

    /// <summary>
    /// Publishes <c>TenantSettingsChanged</c> only when the switch really changed. The switch is an absolute
    /// value, so a save that met a concurrent writer (most often the settings row being created from the
    /// gateway's <c>TenantChanged</c> at the same moment) is simply done again on fresh state.
    /// </summary>
    static async Task<Results<Ok<SettingsView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        SettingsRequest request, HttpContext http, IDbContextFactory<RulesDbContext> contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.InventoryFeaturesEnabled is not { } enabled)
        {
            return new Validation().Add("inventoryFeaturesEnabled", "'inventoryFeaturesEnabled' is required: true or false.").ToProblem();
        }

        var tenantId = http.GetTenantId();
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
                return TypedResults.Ok(new SettingsView(settings.InventoryFeaturesEnabled, settings.Plan));
            }
            catch (DbUpdateException) when (attempt < attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), time, cancellationToken);
            }
            catch (DbUpdateException)
            {
                return Problems.Conflict("The settings of this account kept changing while this request was saved; nothing was saved. Read them again and retry.");
            }
        }
    }
}
