using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PushInventory.Rules.Consumers;
using PushInventory.Rules.Endpoints;
using PushInventory.Rules.Persistence;
using PushInventory.ServiceDefaults.Http;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.ServiceDefaults.Persistence;

namespace PushInventory.Rules;

/// <summary>The Rules service's three entry points, called by its own host and by the embedded host.</summary>
public static class RulesModule
{
    /// <summary>The Rules database, its outbox, and the rule validator.</summary>
    public static IHostApplicationBuilder AddRules(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<RulesDbContext>("Rules");
        builder.Services.AddScoped<RuleValidator>();
        return builder;
    }

    /// <summary>The read models (stores, categories, merchant SKUs, warehouses) and tenant settings, each on its own queue.</summary>
    public static IBusRegistrationConfigurator AddRulesConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<StoreChangedConsumer>().Endpoint(e => e.Name = StoreChangedConsumer.QueueName);
        bus.AddConsumer<CategoryChangedConsumer>().Endpoint(e => e.Name = CategoryChangedConsumer.QueueName);
        bus.AddBatchConsumer<MerchantSkuChangedConsumer>(MerchantSkuChangedConsumer.QueueName, MerchantSkuChangedConsumer.MessageLimit);
        bus.AddConsumer<WarehouseChangedConsumer>().Endpoint(e => e.Name = WarehouseChangedConsumer.QueueName);
        bus.AddConsumer<TenantChangedConsumer>().Endpoint(e => e.Name = TenantChangedConsumer.QueueName);
        return bus;
    }

    /// <summary><c>/api/rules/**</c> (push rules and their audit log) and <c>/api/settings</c>.</summary>
    public static IEndpointRouteBuilder MapRulesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/rules").RequireTenant().WithTags("Rules").MapRuleEndpoints();
        app.MapGroup("/api/settings").RequireTenant().WithTags("Settings").MapSettingsEndpoints();
        return app;
    }
}
