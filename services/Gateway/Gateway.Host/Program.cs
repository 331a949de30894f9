using PushInventory.Gateway;
using PushInventory.Gateway.Host;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();
builder.AddMessaging(_ => { });
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.UseServiceDefaults();
app.UseGateway();
app.MapDefaultEndpoints();
app.MapGatewayEndpoints();
app.MapReverseProxy().WithRouteBodySizeLimits();
app.Run();

public partial class Program;
