using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>Ollama's native <c>POST /api/embed</c>: <c>{model, input}</c> to <c>{model, embeddings: [[...]], prompt_eval_count}</c>.</summary>
internal sealed class OllamaEmbedFake
{
    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;

    public OllamaEmbedFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public static string ErrorBody(int status) => new JsonObject { ["error"] = $"fake ollama error {status}" }.ToJsonString();

    public async Task EmbedAsync(HttpContext context, string route)
    {
        var body = await FakeHttp.RecordAsync(context, _script, route).ConfigureAwait(false);
        if (!await FakeHttp.BeforeAnswerAsync(context, _script.Next(route), _options, ErrorBody).ConfigureAwait(false))
        {
            return;
        }

        var request = JsonNode.Parse(body);
        var input = request?["input"];
        var count = input is JsonArray array ? array.Count : 1;
        var dimensions = request?["dimensions"]?.GetValue<int>() ?? 4;
        var embeddings = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            embeddings.Add(new JsonArray(Enumerable.Range(0, dimensions).Select(j => (JsonNode)JsonValue.Create(0.25f * (i + 1) * (j + 1))).ToArray()));
        }

        await OpenAiEndpointsFake.WriteAsync(context, new JsonObject
        {
            ["model"] = request?["model"]?.GetValue<string>(),
            ["embeddings"] = embeddings,
            ["total_duration"] = 1000,
            ["prompt_eval_count"] = 3 * count,
        }).ConfigureAwait(false);
    }
}
