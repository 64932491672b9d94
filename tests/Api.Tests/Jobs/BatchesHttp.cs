using System.ClientModel;
using System.Net;
using System.Text.Json;
using LlmPlatform.Api.Tests.Admin;
using LlmPlatform.FakeUpstream;
using LlmPlatform.TestSupport;
using OpenAI;
using OpenAI.Files;

namespace LlmPlatform.Api.Tests.Jobs;

/// <summary>Creating and watching batches over raw HTTP, and counting what the fake upstream received per custom_id.</summary>
internal static class BatchesHttp
{
    public static async Task<string> CreateAsync(ApiServer api, string key, string fileId, string endpoint = "/v1/chat/completions")
    {
        var reply = await new AdminHttp(api.Client).PostAsync(
            "/v1/batches",
            new { input_file_id = fileId, endpoint, completion_window = "24h", metadata = new { purpose = "test" } },
            key);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        return reply.Str("id");
    }

    public static async Task<JsonElement> WaitAsync(ApiServer api, string key, string batchId, Func<JsonElement, bool> until, TimeSpan? timeout = null)
    {
        var http = new AdminHttp(api.Client);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var reply = await http.GetAsync("/v1/batches/" + batchId, key);
            reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
            if (until(reply.Json))
            {
                return reply.Json;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The batch did not get there in time: " + reply.Text);
            }

            await Task.Delay(100);
        }
    }

    public static bool Is(JsonElement batch, string status) => batch.GetProperty("status").GetString() == status;

    public static int Count(JsonElement batch, string name) => batch.GetProperty("request_counts").GetProperty(name).GetInt32();

    /// <summary>How many chat calls reached the fake per custom_id (each test line says its custom_id as the message).</summary>
    public static Dictionary<string, int> UpstreamCalls(FakeUpstreamServer fake) =>
        fake.Script.Received
            .Where(r => r.Route == Routes.OpenAiChat)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!)
            .GroupBy(c => c)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static async Task<List<JsonElement>> LinesAsync(ApiServer api, string key, string fileId)
    {
        var client = new OpenAIFileClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = api.OpenAiEndpoint });
        var text = (await client.DownloadFileAsync(fileId)).Value.ToString();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }
}
