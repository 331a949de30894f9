using PushInventory.Push;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPush();
builder.AddMessaging(bus => bus.AddPushConsumers());

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapPushEndpoints();
app.Run();
public partial class Program;
