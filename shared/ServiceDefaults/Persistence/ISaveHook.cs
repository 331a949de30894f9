namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>
/// A DbContext that adds changes of its own to each save, derived from what the save writes (a stamp, a
/// counter). <see cref="BulkInsert.SaveChangesWithBulkAsync"/> calls it before anything is written, since
/// the rows it writes set-based no longer show as changes by the time <c>SaveChanges</c> runs; the context
/// calls it from its own <c>SaveChanges</c> for every other save. Calling it twice in one save is harmless.
/// </summary>
public interface ISaveHook
{
    Task BeforeSaveAsync(CancellationToken cancellationToken);
}
