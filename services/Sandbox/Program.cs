using PushInventory.Sandbox;

var builder = WebApplication.CreateSlimBuilder(args);
// ASP.NET Core's own request log prints query strings, which carry marketplace signs and tokens;
// the sandbox's request log shows path, status and time instead.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddSandbox();

var app = builder.Build();
app.MapSandbox();
app.MapGet("/health", () => TypedResults.Text("Healthy"));
app.Run();
