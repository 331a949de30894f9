using PushInventory.Rules;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddRules();
builder.AddMessaging(bus => bus.AddRulesConsumers());

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapRulesEndpoints();
app.Run();
public partial class Program;
