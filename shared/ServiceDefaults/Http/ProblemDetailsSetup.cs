using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PushInventory.ServiceDefaults.Http;

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddPushInventoryProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier);
            // Problems the framework raises by itself (status code pages) get a detail a caller can act on.
            ctx.ProblemDetails.Detail ??= ctx.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => $"No resource at {ctx.HttpContext.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{ctx.HttpContext.Request.Method} is not allowed on {ctx.HttpContext.Request.Path}.",
                StatusCodes.Status413PayloadTooLarge => $"The request body is larger than the limit of {ctx.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? ServiceDefaultsExtensions.MaxJsonBodyBytes} bytes.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json (or text/csv where the endpoint says so).",
                _ => null,
            };
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}

/// <summary>
/// Turns what ASP.NET Core raises before an endpoint runs (malformed JSON, wrong types, a body over the
/// limit) into a problem details that names the problem, instead of an empty 400 or a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var status = bad.StatusCode;
        var detail = status == StatusCodes.Status413PayloadTooLarge
            ? $"The request body is larger than the limit of {httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? ServiceDefaultsExtensions.MaxJsonBodyBytes} bytes."
            : Describe(bad);
        LogBadRequest(logger, status, detail);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = status == 413 ? "Request body too large" : "Bad request", Detail = detail },
            Exception = exception,
        });
    }

    static string Describe(BadHttpRequestException bad)
    {
        for (Exception? e = bad; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                var path = string.IsNullOrEmpty(json.Path) ? "the body" : json.Path;
                return $"The JSON body could not be read at {path}: {Trim(json.Message)}";
            }
        }

        return bad.Message;
    }

    // System.Text.Json appends "Path: ... | LineNumber: ..." which we already report in a friendlier form.
    static string Trim(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request {Status}: {Detail}")]
    static partial void LogBadRequest(ILogger logger, int status, string detail);
}
