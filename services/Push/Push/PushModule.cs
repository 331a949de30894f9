using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PushInventory.Connectors;
using PushInventory.Push.Consumers;
using PushInventory.Push.Dispatch;
using PushInventory.Push.Endpoints;
using PushInventory.Push.Persistence;
using PushInventory.Push.Planning;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Push;

/// <summary>The Push service's three entry points, called by its own host and by the embedded host.</summary>
public static class PushModule
{
    /// <summary>The Push database and outbox, the shared key ring for store credentials, the connectors, the planner, the dispatcher and record retention.</summary>
    public static IHostApplicationBuilder AddPush(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<PushDbContext>("Push");
        builder.AddSharedDataProtection();
        builder.Services.AddOptions<PushOptions>()
            .BindConfiguration(PushOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.RetryBaseDelay <= o.RetryMaxDelay, "Push:RetryBaseDelay must not exceed Push:RetryMaxDelay.")
            .ValidateOnStart();
        builder.Services.AddMarketplaceConnectors(builder.Configuration);
        builder.Services.AddSingleton<TenantLocks>();
        builder.Services.AddSingleton<DispatchSignal>();
        builder.Services.AddSingleton<PushPlanner>();
        builder.Services.AddSingleton<StockChanges>();
        builder.Services.AddSingleton<CatalogCache>();
        builder.Services.AddSingleton<StoreCredentialsReader>();
        builder.Services.AddSingleton<StoreLeases>();
        builder.Services.AddHostedService<PushDispatcher>();
        builder.Services.AddHostedService<RecordRetention>();
        return builder;
    }

    /// <summary>The Push service's consumers, each on its own <c>push-*</c> queue.</summary>
    public static IBusRegistrationConfigurator AddPushConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<StockLevelsChangedConsumer>().Endpoint(e =>
        {
            e.Name = StockLevelsChangedConsumer.QueueName;
            e.ConcurrentMessageLimit = StockLevelsChangedConsumer.ConcurrencyLimit;
            e.PrefetchCount = 2 * StockLevelsChangedConsumer.ConcurrencyLimit;
        });
        bus.AddBatchConsumer<StockChangedConsumer>(StockChangedConsumer.QueueName, StockChangedConsumer.MessageLimit, StockChangedConsumer.ConcurrencyLimit, StockChangedConsumer.TimeLimit);
        bus.AddConsumer<MappingChangedConsumer>().Endpoint(e => e.Name = MappingChangedConsumer.QueueName);
        bus.AddConsumer<StoreSkuChangedConsumer>().Endpoint(e => e.Name = StoreSkuChangedConsumer.QueueName);
        bus.AddConsumer<PushRequestedConsumer>().Endpoint(e => e.Name = PushRequestedConsumer.QueueName);
        bus.AddConsumer<StoreChangedConsumer>().Endpoint(e => e.Name = StoreChangedConsumer.QueueName);
        bus.AddBatchConsumer<MerchantSkuChangedConsumer>(MerchantSkuChangedConsumer.QueueName, MerchantSkuChangedConsumer.MessageLimit);
        bus.AddConsumer<PushRuleChangedConsumer>().Endpoint(e => e.Name = PushRuleChangedConsumer.QueueName);
        bus.AddConsumer<TenantSettingsChangedConsumer>().Endpoint(e => e.Name = TenantSettingsChangedConsumer.QueueName);
        return bus;
    }

    /// <summary><c>/api/push/**</c>: Push Now and its jobs, simulation, records (+ CSV) and retry.</summary>
    public static IEndpointRouteBuilder MapPushEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/push")
            .RequireTenant()
            .WithTags("Push")
            .MapPushNowEndpoints()
            .MapSimulateEndpoints()
            .MapRecordEndpoints();
        return app;
    }
}
