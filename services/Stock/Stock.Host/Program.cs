using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;
using PushInventory.Stock;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStock();
builder.AddMessaging(bus => bus.AddStockConsumers());

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapStockEndpoints();
app.Run();
public partial class Program;
