using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PushInventory.ServiceDefaults.Http;

/// <summary>Problem details the endpoints return, each with a detail a caller can act on.</summary>
public static class Problems
{
    /// <summary>404, e.g. an unknown id (another tenant's ids are answered the same way).</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>409, e.g. a duplicate code or a state that forbids the change.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    /// <summary>400 with a plain detail.</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    /// <summary>403 for a plan limit; the detail names the limit.</summary>
    public static ProblemHttpResult PlanLimit(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Plan limit reached");
}
