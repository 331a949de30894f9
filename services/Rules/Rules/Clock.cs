namespace PushInventory.Rules;

/// <summary>
/// Timestamps at the precision both databases keep (PostgreSQL: microseconds), so a time returned or published
/// on creation equals the one read back later; rule creation times break priority ties downstream.
/// </summary>
internal static class Clock
{
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
