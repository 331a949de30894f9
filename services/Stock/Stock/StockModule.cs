using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.ServiceDefaults.Persistence;
using PushInventory.Stock.Consumers;
using PushInventory.Stock.Endpoints;
using PushInventory.Stock.Persistence;

namespace PushInventory.Stock;

/// <summary>The Stock service's three entry points, called by its own host and by the embedded host.</summary>
public static class StockModule
{
    /// <summary>The Stock database, its outbox, and the movement processor.</summary>
    public static IHostApplicationBuilder AddStock(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<StockDbContext>("Stock");
        builder.Services.AddSingleton<MovementProcessor>();
        return builder;
    }

    /// <summary>The Stock service's consumers, each on its own queue.</summary>
    public static IBusRegistrationConfigurator AddStockConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<StockMovementsReportedConsumer, StockMovementsReportedConsumerDefinition>();
        bus.AddBatchConsumer<MerchantSkuChangedConsumer>(MerchantSkuChangedConsumer.QueueName, MerchantSkuChangedConsumer.MessageLimit);
        return bus;
    }

    /// <summary><c>/api/stock/**</c>: warehouses, movements, levels.</summary>
    public static IEndpointRouteBuilder MapStockEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/stock")
            .RequireTenant()
            .WithTags("Stock")
            .MapWarehouseEndpoints()
            .MapMovementEndpoints()
            .MapLevelEndpoints();
        return app;
    }
}
