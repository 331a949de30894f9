using PushInventory.Mapping;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMapping();
builder.AddMessaging(bus => bus.AddMappingConsumers());

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapMappingEndpoints();
app.Run();
public partial class Program;
