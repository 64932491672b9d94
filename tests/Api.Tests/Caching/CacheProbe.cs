using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LlmPlatform.FakeUpstream;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Api.Tests.Caching;

/// <summary>What the cache tests share: requests with a chosen body, the cache headers, the ledger row, the fake's call count.</summary>
internal static class CacheProbe
{
    public const string HitHeader = "x-llmplatform-cache-hit";
    public const string KeyHeader = "x-llmplatform-cache-key";

    public static string Chat(string model, string prompt, string? extra = null) =>
        $$"""{"model":"{{model}}","messages":[{"role":"user","content":"{{prompt}}"}]{{(extra is null ? string.Empty : "," + extra)}}}""";

    public static async Task<Answer> PostAsync(ApiServer api, string path, string body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await api.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    public static int UpstreamCalls(FakeUpstreamServer fake, string route, string marker) =>
        fake.Script.Received.Count(r => r.Route == route && r.Body.Contains(marker, StringComparison.Ordinal));

    /// <summary>The request's ledger row: its cost and whether it was a cache hit (waits for the background writer).</summary>
    public static async Task<(decimal Spend, bool CacheHit)> LedgerRowAsync(ApiServer api, string requestId)
    {
        await using var db = new NpgsqlConnection(ConnectionStrings.ToNpgsql(api.DatabaseUrl));
        await db.OpenAsync();
        for (var i = 0; i < 60; i++)
        {
            await using var command = new NpgsqlCommand("SELECT spend, cache_hit FROM spend_logs WHERE request_id = @id", db);
            command.Parameters.AddWithValue("id", requestId);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                return (reader.GetDecimal(0), reader.GetBoolean(1));
            }

            await reader.DisposeAsync();
            await Task.Delay(100);
        }

        throw new AssertionException($"No spend_logs row for request {requestId}.");
    }

    internal sealed record Answer(HttpStatusCode Status, string Text, HttpResponseHeaders Headers, string? MediaType)
    {
        public string? Hit => Headers.TryGetValues(HitHeader, out var values) ? values.Single() : null;

        public string? Key => Headers.TryGetValues(KeyHeader, out var values) ? values.Single() : null;

        public string RequestId => Headers.GetValues("x-request-id").Single();

        public JsonElement Json => JsonDocument.Parse(Text).RootElement.Clone();

        /// <summary>The data lines of a Server-Sent Events body.</summary>
        public IReadOnlyList<string> Events => Text.Split('\n')
            .Where(l => l.StartsWith("data: ", StringComparison.Ordinal))
            .Select(l => l["data: ".Length..])
            .ToList();

        public string ErrorParam => Json.GetProperty("error").GetProperty("param").GetString()!;
    }
}
