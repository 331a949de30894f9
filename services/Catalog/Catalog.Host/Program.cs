using PushInventory.Catalog;
using PushInventory.ServiceDefaults;
using PushInventory.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCatalog();
builder.AddMessaging(bus => bus.AddCatalogConsumers());

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapCatalogEndpoints();
app.Run();
public partial class Program;
