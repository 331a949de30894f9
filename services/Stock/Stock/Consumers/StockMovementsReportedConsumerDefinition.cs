using System.Net.Mime;
using MassTransit;

namespace PushInventory.Stock.Consumers;

/// <summary>
/// The <c>stock-movements</c> queue takes MassTransit's envelope and, for publishers in any language, the
/// bare <see cref="Contracts.StockMovementsReported"/> JSON (content type <c>application/json</c>, or none).
/// </summary>
internal sealed class StockMovementsReportedConsumerDefinition : ConsumerDefinition<StockMovementsReportedConsumer>
{
    public const string QueueName = "stock-movements";

    public StockMovementsReportedConsumerDefinition() => EndpointName = QueueName;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<StockMovementsReportedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.DefaultContentType = new ContentType("application/json");
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: false);
    }
}
