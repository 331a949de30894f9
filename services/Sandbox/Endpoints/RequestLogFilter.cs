using System.Diagnostics;

namespace PushInventory.Sandbox.Endpoints;

/// <summary>Logs each sandbox call: path, status and time. The query is left out: it holds signs and tokens.</summary>
internal sealed class RequestLogFilter(ILogger<RequestLogFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await next(context);
        var http = context.HttpContext;
        logger.LogInformation(
            "Sandbox {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms",
            http.Request.Method,
            http.Request.Path.Value,
            StatusOf(result) ?? http.Response.StatusCode,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        _ => null,
    };
}
