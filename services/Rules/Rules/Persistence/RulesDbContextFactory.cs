using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PushInventory.Rules.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: migrations are PostgreSQL's (SQLite is created from the model).</summary>
internal sealed class RulesDbContextFactory : IDesignTimeDbContextFactory<RulesDbContext>
{
    public RulesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RulesDbContext>().UseNpgsql("Host=localhost;Database=rules").Options);
}
