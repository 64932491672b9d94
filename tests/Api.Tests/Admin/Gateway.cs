using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>Raw chat calls, for tests that look at statuses and headers of gateway answers.</summary>
internal static class Gateway
{
    public static async Task<HttpResponseMessage> ChatAsync(HttpClient client, string key, string model, string? user = null, int? maxTokens = null, bool stream = false)
    {
        var extra = (user is null ? string.Empty : $",\"user\":\"{user}\"")
            + (maxTokens is null ? string.Empty : $",\"max_tokens\":{maxTokens}")
            + (stream ? ",\"stream\":true" : string.Empty);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent($$"""{"model":"{{model}}","messages":[{"role":"user","content":"hi"}]{{extra}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request);
    }

    public static async Task<HttpStatusCode> StatusAsync(HttpClient client, string key, string model, string? user = null)
    {
        using var response = await ChatAsync(client, key, model, user);
        return response.StatusCode;
    }
}
