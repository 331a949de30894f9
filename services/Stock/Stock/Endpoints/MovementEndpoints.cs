using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PushInventory.Contracts;
using PushInventory.ServiceDefaults.Http;
using PushInventory.Stock.Domain;

namespace PushInventory.Stock.Endpoints;

internal static class MovementEndpoints
{
    public sealed record PostMovementsRequest(IReadOnlyList<StockMovement?>? Movements);

    public sealed record PostMovementsResponse(int Applied, int Duplicates, int Rejected, IReadOnlyList<MovementResult> Results);

    public static RouteGroupBuilder MapMovementEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/movements", PostAsync);
        return group;
    }

    /// <summary>
    /// A malformed batch is refused whole (400, every bad field listed, nothing stored). A well-formed one is
    /// applied movement by movement: a movement that would make stock negative, or names an unknown code,
    /// is rejected with its reason and the rest still apply.
    /// </summary>
    static async Task<Results<Ok<PostMovementsResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        PostMovementsRequest request, HttpContext http, MovementProcessor processor, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.Movements is not { Count: > 0 } movements)
        {
            return validation.Add("movements", "'movements' must hold at least one movement.").ToProblem();
        }

        if (movements.Count > MovementRules.MaxPerBatch)
        {
            return validation.Add("movements", $"At most {MovementRules.MaxPerBatch} movements per request; this one has {movements.Count}.").ToProblem();
        }

        for (var i = 0; i < movements.Count; i++)
        {
            foreach (var (field, message) in MovementRules.Problems(movements[i]))
            {
                validation.Add(field.Length == 0 ? $"movements[{i}]" : $"movements[{i}].{field}", message);
            }
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        IReadOnlyList<MovementResult> results;
        try
        {
            results = await processor.ApplyAsync(http.GetTenantId(), movements!, cancellationToken);
        }
        catch (StockBusyException busy)
        {
            // Nothing was stored, and movement ids make a resend safe.
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(busy.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy");
        }

        return TypedResults.Ok(new PostMovementsResponse(
            results.Count(r => r.Status == MovementStatus.Applied),
            results.Count(r => r.Status == MovementStatus.Duplicate),
            results.Count(r => r.Status == MovementStatus.Rejected),
            results));
    }
}
