using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PushInventory.Catalog.Consumers;
using PushInventory.Catalog.Endpoints;
using PushInventory.Catalog.Persistence;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Catalog;

/// <summary>The Catalog service's three entry points, called by its own host and by the embedded host.</summary>
public static class CatalogModule
{
    /// <summary>The Catalog database, its outbox, and the shared Data Protection key ring for store credentials.</summary>
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<CatalogDbContext>("Catalog");
        builder.AddSharedDataProtection();
        builder.Services.AddSingleton<StoreCredentialsProtector>();
        return builder;
    }

    /// <summary>The Catalog service's consumers, each on its own queue.</summary>
    public static IBusRegistrationConfigurator AddCatalogConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TenantChangedConsumer>().Endpoint(e => e.Name = TenantChangedConsumer.QueueName);
        bus.AddConsumer<MappingChangedConsumer>().Endpoint(e => e.Name = MappingChangedConsumer.QueueName);
        return bus;
    }

    /// <summary><c>/api/catalog/**</c>: categories, merchant SKUs (with CSV import and generation from store SKUs), stores, store SKUs.</summary>
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/catalog")
            .RequireTenant()
            .WithTags("Catalog")
            .MapCategoryEndpoints()
            .MapMerchantSkuEndpoints()
            .MapMerchantSkuImportEndpoints()
            .MapFromStoreSkusEndpoints()
            .MapStoreEndpoints()
            .MapStoreSkuEndpoints();
        return app;
    }
}
