using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>Cohere's <c>POST /v2/rerank</c>: string documents in, <c>{id, results:[{index, relevance_score}], meta}</c> out.</summary>
internal sealed class CohereFake
{
    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;

    public CohereFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public static string ErrorBody(int status) => new JsonObject { ["message"] = $"Fake Cohere error {status}" }.ToJsonString();

    public async Task RerankAsync(HttpContext context, string route)
    {
        var body = await FakeHttp.RecordAsync(context, _script, route).ConfigureAwait(false);
        if (!await FakeHttp.BeforeAnswerAsync(context, _script.Next(route), _options, ErrorBody).ConfigureAwait(false))
        {
            return;
        }

        JsonNode? request;
        try
        {
            request = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request?["documents"] is not JsonArray documents || documents.Any(d => d?.GetValueKind() != JsonValueKind.String))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(ErrorBody(400), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var query = request["query"]?.GetValue<string>() ?? string.Empty;
        var scored = documents
            .Select((d, i) => (Index: i, Score: d!.GetValue<string>().Contains(query, StringComparison.OrdinalIgnoreCase) ? 0.9 : 0.1 / (i + 1)))
            .OrderByDescending(s => s.Score)
            .Take(request["top_n"]?.GetValue<int>() ?? documents.Count);
        var results = new JsonArray(scored.Select(s => (JsonNode)new JsonObject { ["index"] = s.Index, ["relevance_score"] = s.Score }).ToArray());
        await OpenAiEndpointsFake.WriteAsync(context, new JsonObject
        {
            ["id"] = "cohere-fake-1",
            ["results"] = results,
            ["meta"] = new JsonObject { ["api_version"] = new JsonObject { ["version"] = "2" }, ["billed_units"] = new JsonObject { ["search_units"] = 1 } },
        }).ConfigureAwait(false);
    }
}
