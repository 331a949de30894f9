using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PushInventory.Rules.Tests;

/// <summary>Reading answers: the status, the JSON body, the fields a validation problem names.</summary>
public static class Responses
{
    public static async Task<JsonElement> ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return text.Length == 0 ? default : JsonElement.Parse(text);
    }

    /// <summary>The fields of a 400 validation problem, with their messages.</summary>
    public static async Task<Dictionary<string, string>> ShouldBeInvalidAsync(this HttpResponseMessage response)
    {
        var json = await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        return json.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => string.Join(" | ", p.Value.EnumerateArray().Select(m => m.GetString())), StringComparer.Ordinal);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        return await response.ShouldBeAsync(status);
    }

    /// <summary>The detail of a problem details body.</summary>
    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString() ?? "";

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
