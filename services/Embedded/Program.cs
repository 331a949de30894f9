using PushInventory.Gateway;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.Stock;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();
builder.AddStock();
builder.AddMessaging(bus => bus.AddStockConsumers());

var app = builder.Build();
app.UseServiceDefaults();
app.UseGateway();
app.MapDefaultEndpoints();
app.MapGatewayEndpoints();
app.MapStockEndpoints();
app.Run();

public partial class Program;
