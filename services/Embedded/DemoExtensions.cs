namespace PushInventory.Embedded;

/// <summary><c>--demo</c>: seed a demo tenant through the public API once the host listens.</summary>
internal static class DemoExtensions
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder, string[] args)
    {
        if (args.Contains("--demo", StringComparer.Ordinal))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }

        return builder;
    }
}
