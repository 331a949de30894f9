using PushInventory.Push.Domain;
using PushInventory.Push.Persistence;

namespace PushInventory.Push.Planning;

/// <summary>What a trigger's work gets from <see cref="PushPlanner"/>: the unit's DbContext, its time, and the tenant's settings read at its start (null: none yet).</summary>
internal sealed record PlanUnit(PushDbContext Db, DateTime Now, TenantSettings? Settings);
