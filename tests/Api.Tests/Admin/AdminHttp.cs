using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace LlmPlatform.Api.Tests.Admin;

/// <summary>Plain HTTP calls to the admin API with a chosen key, answers read as JSON.</summary>
internal sealed class AdminHttp
{
    private readonly HttpClient _client;

    public AdminHttp(HttpClient client)
    {
        _client = client;
    }

    public Task<Reply> PostAsync(string path, object body, string key) => SendAsync(HttpMethod.Post, path, body, key);

    public Task<Reply> GetAsync(string path, string key) => SendAsync(HttpMethod.Get, path, null, key);

    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body, string key)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var parsed = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new Reply(response.StatusCode, parsed, text, response.Headers);
    }

    internal sealed record Reply(HttpStatusCode Status, JsonElement Json, string Text, HttpResponseHeaders Headers)
    {
        public string Str(string name) => Json.GetProperty(name).GetString()!;

        public string ErrorType => Json.GetProperty("error").GetProperty("type").GetString()!;
    }
}
