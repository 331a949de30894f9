using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PushInventory.ServiceDefaults.Messaging;

/// <summary>The bus, on the transport <c>Messaging:Transport</c> chooses.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Registers MassTransit with the consumers <paramref name="configure"/> adds. Consumers name their own
    /// queues (<c>{service}-{message}</c>), so two services consuming one event never share a queue.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        // MassTransit reports usage to an outside host unless told not to; no component of ours phones home.
        Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");

        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MessagingOptions>>(new RabbitMqConnectionValidator(builder.Configuration));

        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddMassTransit(x =>
        {
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            x.SetKebabCaseEndpointNameFormatter();
            // Batch consumers size their own endpoints at registration (BatchConsumers), which these defaults do not override.
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r
                    .Exponential(5, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100))
                    .Ignore<InvalidMessageException>());
                endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                endpoint.PrefetchCount = Math.Max(options.PrefetchCount, options.ConcurrentMessageLimit);
            });
            configure(x);

            if (options.Transport == MessagingTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    var uri = builder.Configuration.GetConnectionString("RabbitMq");
                    if (!string.IsNullOrWhiteSpace(uri))
                    {
                        cfg.Host(new Uri(uri));
                    }

                    cfg.ConfigureJsonSerializerOptions(json =>
                    {
                        ServiceDefaultsExtensions.ConfigureJson(json);
                        return json;
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.ConfigureJsonSerializerOptions(json =>
                    {
                        ServiceDefaultsExtensions.ConfigureJson(json);
                        return json;
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return builder;
    }

    sealed class RabbitMqConnectionValidator(IConfiguration configuration) : IValidateOptions<MessagingOptions>
    {
        public ValidateOptionsResult Validate(string? name, MessagingOptions options)
        {
            if (options.Transport != MessagingTransport.RabbitMq)
            {
                return ValidateOptionsResult.Success;
            }

            var uri = configuration.GetConnectionString("RabbitMq");
            return Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "amqp" or "amqps" or "rabbitmq"
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Messaging:Transport is RabbitMq but ConnectionStrings:RabbitMq is not an amqp:// URI.");
        }
    }
}
