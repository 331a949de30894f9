using System.ComponentModel.DataAnnotations;

namespace PushInventory.ServiceDefaults.Persistence;

/// <summary>Which database each service uses. Section <c>Persistence</c>.</summary>
public sealed class PersistenceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Persistence";

    /// <summary><c>Sqlite</c> (embedded, one file per service) or <c>Postgres</c> (distributed, one database per service).</summary>
    [Required]
    public PersistenceProvider Provider { get; set; } = PersistenceProvider.Sqlite;

    /// <summary>Where SQLite files live (relative paths are under the content root).</summary>
    public string DataDirectory { get; set; } = ".data";
}
