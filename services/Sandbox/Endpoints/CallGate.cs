using System.Globalization;
using PushInventory.Sandbox.Domain;

namespace PushInventory.Sandbox.Endpoints;

/// <summary>Applies a shop's faults to one call before it is served.</summary>
internal static class CallGate
{
    /// <summary>Null when the call is to be served (after any delay), else the marketplace's answer.</summary>
    public static async Task<IResult?> AdmitAsync(
        SandboxShop shop,
        HttpContext http,
        TimeProvider time,
        Func<CallVerdict, IResult> answer)
    {
        var verdict = shop.Admit(time.GetUtcNow(), out var retryAfter);
        switch (verdict)
        {
            case CallVerdict.Serve:
                return null;
            case CallVerdict.Delay:
                await Task.Delay(shop.Faults.TimeoutDelay, time, http.RequestAborted);
                return null;
            case CallVerdict.RateLimited:
                SetRetryAfter(http, retryAfter);
                return answer(verdict);
            case CallVerdict.Throttle:
                var faults = shop.Faults;
                var wait = TimeSpan.FromSeconds(faults.RetryAfterSeconds ?? 1);
                if (faults.RetryAfterAsDate)
                {
                    http.Response.Headers.RetryAfter = (time.GetUtcNow() + wait).ToString("R", CultureInfo.InvariantCulture);
                }
                else
                {
                    SetRetryAfter(http, wait);
                }

                return answer(verdict);
            default:
                return answer(verdict);
        }
    }

    public static bool WithinWindow(DateTimeOffset now, DateTimeOffset sent, TimeSpan maxAge, TimeSpan maxAhead) =>
        sent >= now - maxAge && sent <= now + maxAhead;

    public static string RequestId() => Guid.NewGuid().ToString("N");

    private static void SetRetryAfter(HttpContext http, TimeSpan wait) =>
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
