using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Outbox;

namespace PushInventory.Push.Endpoints;

internal static class PushNowEndpoints
{
    public const string FeaturesOff = "Inventory Features is off: turn it on in /api/settings before pushing";
    const int MaxStores = 1000;
    const int MaxCodes = 5000;

    public sealed record PushNowRequest(IReadOnlyList<Guid>? StoreIds, IReadOnlyList<string?>? MerchantSkuCodes);

    public sealed record PushNowAccepted(Guid JobId);

    public sealed record JobResponse(Guid Id, string Status, int Total, int Done, int Succeeded, int Failed, int Skipped, DateTime CreatedAt);

    public static RouteGroupBuilder MapPushNowEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/now", PushNowAsync);
        group.MapGet("/jobs/{id:guid}", GetJobAsync);
        return group;
    }

    /// <summary>Recomputes and pushes the tenant's store SKUs (of the given stores and/or merchant SKUs), even if unchanged.</summary>
    static async Task<Results<Accepted<PushNowAccepted>, ValidationProblem, ProblemHttpResult>> PushNowAsync(
        PushNowRequest? request, HttpContext http, PushDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var storeIds = request?.StoreIds ?? [];
        var codes = request?.MerchantSkuCodes ?? [];
        var validation = new Validation()
            .Require(storeIds.Count <= MaxStores, "storeIds", $"At most {MaxStores} store ids.")
            .Require(codes.Count <= MaxCodes, "merchantSkuCodes", $"At most {MaxCodes} merchant SKU codes.");
        for (var i = 0; i < codes.Count; i++)
        {
            validation.Text(codes[i], $"merchantSkuCodes[{i}]", 200);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        if (!await FeaturesOnAsync(db, tenantId, cancellationToken))
        {
            return Problems.Conflict(FeaturesOff);
        }

        var wantedStores = storeIds.Distinct().ToList();
        var knownStores = await db.Stores.AsNoTracking()
            .Where(s => s.TenantId == tenantId && !s.Deleted && wantedStores.Contains(s.Id))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var wantedCodes = codes.Select(c => c!.Trim()).DistinctBy(Codes.Normalize, StringComparer.Ordinal).ToList();
        var normalized = wantedCodes.Select(Codes.Normalize).ToList();
        var knownCodes = await db.MerchantSkus.AsNoTracking()
            .Where(s => s.TenantId == tenantId && !s.Deleted && normalized.Contains(s.NormalizedCode))
            .Select(s => s.NormalizedCode)
            .ToListAsync(cancellationToken);
        var unknownStores = wantedStores.Except(knownStores).ToList();
        var unknownCodes = wantedCodes.Where(c => !knownCodes.Contains(Codes.Normalize(c))).ToList();
        if (unknownStores.Count > 0 || unknownCodes.Count > 0)
        {
            var parts = new List<string>();
            if (unknownStores.Count > 0)
            {
                parts.Add($"unknown store ids: {string.Join(", ", unknownStores)}");
            }

            if (unknownCodes.Count > 0)
            {
                parts.Add($"unknown merchant SKU codes: {string.Join(", ", unknownCodes)}");
            }

            return Problems.NotFound($"Nothing was pushed: {string.Join("; ", parts)}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var job = new PushJob { Id = Guid.CreateVersion7(), TenantId = tenantId, CreatedAt = now, RequestedBy = http.GetActor() };
        db.Jobs.Add(job);
        db.AddOutboxMessage(new PushRequested(tenantId, job.Id, wantedStores, wantedCodes, job.RequestedBy, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/push/jobs/{job.Id}", new PushNowAccepted(job.Id));
    }

    /// <summary>A Push Now job's progress, counted from its records.</summary>
    static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetJobAsync(Guid id, HttpContext http, PushDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.TenantId == tenantId, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound($"No push job with id '{id}'.");
        }

        var counts = await db.Records.AsNoTracking()
            .Where(r => r.JobId == id && r.TenantId == tenantId)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var succeeded = counts.GetValueOrDefault(PushStatus.Succeeded);
        var failed = counts.GetValueOrDefault(PushStatus.Failed);
        var skipped = counts.GetValueOrDefault(PushStatus.Skipped);
        var done = succeeded + failed + skipped;
        var status = job.Planned && done >= job.Total ? "Completed" : "Running";
        return TypedResults.Ok(new JobResponse(job.Id, status, job.Total, done, succeeded, failed, skipped, DateTime.SpecifyKind(job.CreatedAt, DateTimeKind.Utc)));
    }

    internal static async Task<bool> FeaturesOnAsync(PushDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        await db.TenantSettings.AsNoTracking().AnyAsync(t => t.TenantId == tenantId && t.InventoryFeaturesEnabled, cancellationToken);
}
