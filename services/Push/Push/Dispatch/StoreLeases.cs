using Microsoft.EntityFrameworkCore;
using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;

namespace PushInventory.Push.Dispatch;

/// <summary>
/// A lease per store in the database: claimed with a conditional update (free, expired, or already ours),
/// so two Push instances never push one store at once; renewed while a push runs, released after it.
/// </summary>
internal sealed class StoreLeases(IDbContextFactory<PushDbContext> contexts, TimeProvider time)
{
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<bool> TryClaimAsync(Guid storeId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + lease;
        var owner = Owner;
        var claimed = await db.StoreLeases
            .Where(l => l.StoreId == storeId && (l.LeasedUntil <= now || l.LeasedBy == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedBy, owner).SetProperty(l => l.LeasedUntil, until), cancellationToken);
        if (claimed == 1)
        {
            return true;
        }

        if (await db.StoreLeases.AnyAsync(l => l.StoreId == storeId, cancellationToken))
        {
            return false;
        }

        db.StoreLeases.Add(new StoreLease { StoreId = storeId, LeasedBy = owner, LeasedUntil = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created the lease first.
            return false;
        }
    }

    public async Task RenewAsync(Guid storeId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var until = time.GetUtcNow().UtcDateTime + lease;
        var owner = Owner;
        await db.StoreLeases
            .Where(l => l.StoreId == storeId && l.LeasedBy == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, until), cancellationToken);
    }

    public async Task ReleaseAsync(Guid storeId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var owner = Owner;
        await db.StoreLeases
            .Where(l => l.StoreId == storeId && l.LeasedBy == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, now));
    }
}
