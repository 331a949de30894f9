using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PushInventory.Push.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: migrations are PostgreSQL's (SQLite is created from the model).</summary>
internal sealed class PushDbContextFactory : IDesignTimeDbContextFactory<PushDbContext>
{
    public PushDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PushDbContext>().UseNpgsql("Host=localhost;Database=push").Options);
}
