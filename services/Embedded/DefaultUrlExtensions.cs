namespace PushInventory.Embedded;

/// <summary>
/// The embedded host listens on http://localhost:5080 unless told otherwise. The default lives in code, not in
/// appsettings.json: a "Urls" setting there would win over <c>ASPNETCORE_URLS</c>, which operators rely on.
/// </summary>
internal static class DefaultUrlExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplicationBuilder UseDefaultUrlUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"])
            && string.IsNullOrEmpty(configuration["http_ports"])
            && string.IsNullOrEmpty(configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
