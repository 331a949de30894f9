using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PushInventory.Mapping.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: migrations are PostgreSQL's (SQLite is created from the model).</summary>
internal sealed class MappingDbContextFactory : IDesignTimeDbContextFactory<MappingDbContext>
{
    public MappingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MappingDbContext>().UseNpgsql("Host=localhost;Database=mapping").Options);
}
