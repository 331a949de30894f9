using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PushInventory.Stock.Persistence;

/// <summary>For <c>dotnet ef migrations add</c>: migrations are PostgreSQL's (SQLite is created from the model).</summary>
internal sealed class StockDbContextFactory : IDesignTimeDbContextFactory<StockDbContext>
{
    public StockDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StockDbContext>().UseNpgsql("Host=localhost;Database=stock").Options);
}
