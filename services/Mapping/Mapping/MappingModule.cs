using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PushInventory.Mapping.Consumers;
using PushInventory.Mapping.Endpoints;
using PushInventory.Mapping.Persistence;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Mapping;

/// <summary>The Mapping service's three entry points, called by its own host and by the embedded host.</summary>
public static class MappingModule
{
    /// <summary>The Mapping database, its outbox, and the writer that retries on concurrent link changes.</summary>
    public static IHostApplicationBuilder AddMapping(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<MappingDbContext>("Mapping");
        builder.Services.AddSingleton<MappingWriter>();
        return builder;
    }

    /// <summary>The Catalog's events (read models, auto-mapping on arrival) and the <c>LinkStoreSku</c> command, each on its own queue.</summary>
    public static IBusRegistrationConfigurator AddMappingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<MerchantSkuChangedConsumer>().Endpoint(e => e.Name = MerchantSkuChangedConsumer.QueueName);
        bus.AddConsumer<StoreSkuChangedConsumer>().Endpoint(e => e.Name = StoreSkuChangedConsumer.QueueName);
        bus.AddConsumer<StoreChangedConsumer>().Endpoint(e => e.Name = StoreChangedConsumer.QueueName);
        bus.AddConsumer<LinkStoreSkuConsumer>().Endpoint(e => e.Name = LinkStoreSkuConsumer.QueueName);
        return bus;
    }

    /// <summary><c>/api/mapping/**</c>: links (one by one and bulk), auto-mapping, normalisation rules, the change log.</summary>
    public static IEndpointRouteBuilder MapMappingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/mapping")
            .RequireTenant()
            .WithTags("Mapping")
            .MapLinkEndpoints()
            .MapBulkEndpoints()
            .MapAutoMapEndpoints()
            .MapNormalizationEndpoints()
            .MapChangeEndpoints();
        return app;
    }
}
