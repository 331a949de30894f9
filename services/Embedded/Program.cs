using PushInventory.Catalog;
using PushInventory.Embedded;
using PushInventory.Gateway;
using PushInventory.Mapping;
using PushInventory.Push;
using PushInventory.Rules;
using PushInventory.Sandbox;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.Stock;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrlUnlessConfigured();
builder.AddServiceDefaults();
builder.AddGateway();
builder.AddCatalog();
builder.AddMapping();
builder.AddRules();
builder.AddStock();
builder.AddPush();
builder.Services.AddSandbox();
builder.AddMessaging(bus => bus.AddCatalogConsumers().AddMappingConsumers().AddRulesConsumers().AddStockConsumers().AddPushConsumers());
builder.AddDemo(args);

var app = builder.Build();
app.UseServiceDefaults();
app.UseGateway();
app.MapDefaultEndpoints();
app.MapGatewayEndpoints();
app.MapCatalogEndpoints();
app.MapMappingEndpoints();
app.MapRulesEndpoints();
app.MapStockEndpoints();
app.MapPushEndpoints();
app.MapSandbox();
app.Run();

public partial class Program;
