using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using PushInventory.Contracts;
using PushInventory.Rules.Domain;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults.Http;

namespace PushInventory.Rules.Endpoints;

/// <summary>
/// <c>/api/rules</c>. Every change stores the rule (version + 1), its audit entry and a <c>PushRuleChanged</c>
/// in one save. Saving never pushes by itself.
/// </summary>
internal static class RuleEndpoints
{
    const string ConcurrentChange = "The rules of this account changed at the same time as this request; nothing was saved. Read them again and retry.";

    public static RouteGroupBuilder MapRuleEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/", CreateAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPut("/{id:guid}", UpdateAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        group.MapGet("/{id:guid}/audit", AuditAsync);
        return group;
    }

    static async Task<Results<Created<RuleView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RuleRequest request, HttpContext http, RulesDbContext db, RuleValidator validator, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var checkedRequest = await validator.ValidateAsync(tenantId, request, cancellationToken);
        if (checkedRequest.Draft is not { } draft)
        {
            return checkedRequest.Validation.ToProblem();
        }

        var plan = await PlanOfAsync(db, tenantId, cancellationToken);
        if (plan == Plan.Free)
        {
            // Take the tenant's lock row before counting: a creation that commits after this read changes
            // its revision, so this save fails (409) instead of storing a second rule on the Free plan.
            var ruleLock = await db.RuleLocks.FirstOrDefaultAsync(l => l.TenantId == tenantId, cancellationToken);
            if (ruleLock is null)
            {
                db.RuleLocks.Add(new TenantRuleLock { TenantId = tenantId, Revision = 1 });
            }
            else
            {
                ruleLock.Revision++;
            }
        }

        var rules = await db.Rules.CountAsync(r => r.TenantId == tenantId && !r.Deleted, cancellationToken);
        var violations = PlanLimits.Violations(plan, rules + 1, checkedRequest.Stores);
        if (violations.Count > 0)
        {
            return Problems.PlanLimit(string.Join(" ", violations));
        }

        var now = time.UtcNow();
        var rule = new PushRule { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = draft.Name, CreatedAt = now, UpdatedAt = now, Version = 1 };
        rule.Apply(draft);
        db.Rules.Add(rule);
        RuleHistory.Record(db, rule, RuleAction.Created, null, http.GetActor(), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict(ConcurrentChange);
        }

        return TypedResults.Created($"/api/rules/{rule.Id}", RuleView.From(rule));
    }

    static async Task<Results<Ok<Page<RuleView>>, ValidationProblem>> ListAsync(
        bool? enabled, Guid? storeId, int? limit, string? cursor, HttpContext http, RulesDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var take = limit ?? Cursor.DefaultLimit;
        validation.Require(take is >= 1 and <= Cursor.MaxLimit, "limit", $"'limit' must be from 1 to {Cursor.MaxLimit}.");
        (int Priority, DateTime CreatedAt, Guid Id)? after = null;
        if (cursor is not null)
        {
            after = DecodeRuleCursor(cursor);
            validation.Require(after is not null, "cursor", "'cursor' is not a cursor this list returned.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        var query = db.Rules.AsNoTracking().Include(r => r.Stores).Where(r => r.TenantId == tenantId && !r.Deleted);
        if (enabled is { } on)
        {
            query = query.Where(r => r.Enabled == on);
        }

        if (storeId is { } store)
        {
            query = query.Where(r => r.Stores.Any(s => s.StoreId == store));
        }

        if (after is var (p, c, id))
        {
            query = query.Where(r => r.Priority > p || (r.Priority == p && (r.CreatedAt > c || (r.CreatedAt == c && r.Id.CompareTo(id) > 0))));
        }

        var rules = await query.OrderBy(r => r.Priority).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(take + 1).AsSplitQuery().ToListAsync(cancellationToken);
        var page = rules.Take(take).Select(RuleView.From).ToList();
        var next = rules.Count > take ? EncodeRuleCursor(rules[take - 1]) : null;
        return TypedResults.Ok(new Page<RuleView>(page, next));
    }

    static async Task<Results<Ok<RuleView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, RulesDbContext db, CancellationToken cancellationToken)
    {
        var rule = await FindAsync(db.Rules.AsNoTracking(), http.GetTenantId(), id, cancellationToken);
        return rule is null ? NotFound(id) : TypedResults.Ok(RuleView.From(rule));
    }

    static async Task<Results<Ok<RuleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, RuleRequest request, HttpContext http, RulesDbContext db, RuleValidator validator, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenantId = http.GetTenantId();
        var rule = await FindAsync(db.Rules, tenantId, id, cancellationToken);
        if (rule is null)
        {
            return NotFound(id);
        }

        var checkedRequest = await validator.ValidateAsync(tenantId, request, cancellationToken);
        if (checkedRequest.Draft is not { } draft)
        {
            return checkedRequest.Validation.ToProblem();
        }

        var violations = PlanLimits.Violations(await PlanOfAsync(db, tenantId, cancellationToken), null, checkedRequest.Stores);
        if (violations.Count > 0)
        {
            return Problems.PlanLimit(string.Join(" ", violations));
        }

        var now = time.UtcNow();
        var before = RuleView.From(rule);
        rule.Apply(draft);
        rule.Version++;
        rule.UpdatedAt = now;
        RuleHistory.Record(db, rule, RuleAction.Updated, before, http.GetActor(), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict(ConcurrentChange);
        }

        return TypedResults.Ok(RuleView.From(rule));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, RulesDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var rule = await FindAsync(db.Rules, http.GetTenantId(), id, cancellationToken);
        if (rule is null)
        {
            return NotFound(id);
        }

        var now = time.UtcNow();
        var before = RuleView.From(rule);
        rule.Deleted = true;
        rule.Version++;
        rule.UpdatedAt = now;
        RuleHistory.Record(db, rule, RuleAction.Deleted, before, http.GetActor(), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict(ConcurrentChange);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Newest first. A deleted rule's log stays readable.</summary>
    static async Task<Results<Ok<Page<RuleAuditView>>, ValidationProblem, ProblemHttpResult>> AuditAsync(
        Guid id, int? limit, string? cursor, HttpContext http, RulesDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var take = limit ?? Cursor.DefaultLimit;
        validation.Require(take is >= 1 and <= Cursor.MaxLimit, "limit", $"'limit' must be from 1 to {Cursor.MaxLimit}.");
        long? before = null;
        if (cursor is not null)
        {
            before = Cursor.Decode(cursor, 1) is [var text] && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
            validation.Require(before is not null, "cursor", "'cursor' is not a cursor this list returned.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = http.GetTenantId();
        if (!await db.Rules.AnyAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken))
        {
            return NotFound(id);
        }

        var query = db.Audit.AsNoTracking().Where(a => a.TenantId == tenantId && a.RuleId == id);
        if (before is { } v)
        {
            query = query.Where(a => a.RuleVersion < v);
        }

        var entries = await query.OrderByDescending(a => a.RuleVersion).Take(take + 1).ToListAsync(cancellationToken);
        var next = entries.Count > take ? Cursor.Encode(entries[take - 1].RuleVersion.ToString(CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<RuleAuditView>(entries.Take(take).Select(RuleHistory.ToView).ToList(), next));
    }

    static Task<PushRule?> FindAsync(IQueryable<PushRule> rules, Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        rules.Include(r => r.Stores).FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id && !r.Deleted, cancellationToken);

    static async Task<Plan> PlanOfAsync(RulesDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        await db.TenantSettings.AsNoTracking().Where(t => t.TenantId == tenantId).Select(t => (Plan?)t.Plan).FirstOrDefaultAsync(cancellationToken) ?? Plan.Free;

    static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"No push rule with id '{id}'.");

    static string EncodeRuleCursor(PushRule rule) =>
        Cursor.Encode(rule.Priority.ToString(CultureInfo.InvariantCulture), rule.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture), rule.Id.ToString("N"));

    static (int Priority, DateTime CreatedAt, Guid Id)? DecodeRuleCursor(string cursor) =>
        Cursor.Decode(cursor, 3) is [var p, var c, var i]
        && int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var priority)
        && long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks <= DateTime.MaxValue.Ticks
        && Guid.TryParseExact(i, "N", out var id)
            ? (priority, new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
}
