namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>The database engines a service can run on.</summary>
public enum PersistenceProvider
{
    /// <summary>SQLite files; the schema is created from the model.</summary>
    Sqlite,

    /// <summary>PostgreSQL; the checked-in migrations are applied at start.</summary>
    Postgres,
}
