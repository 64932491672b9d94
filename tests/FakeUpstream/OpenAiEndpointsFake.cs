using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>OpenAI's legacy completions, embeddings, moderations, images and (vLLM-style) rerank wire formats.</summary>
internal sealed class OpenAiEndpointsFake
{
    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;

    public OpenAiEndpointsFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public async Task EmbeddingsAsync(HttpContext context, string route)
    {
        if (await BeginAsync(context, route).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var input = request["input"];
        var count = input is JsonArray array && array.Count > 0 && array[0] is not JsonValue { } ? array.Count
            : input is JsonArray strings && strings.Count > 0 && strings[0]!.GetValueKind() == JsonValueKind.String ? strings.Count
            : 1;
        var dimensions = request["dimensions"]?.GetValue<int>() ?? 1536;
        var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var vector = new float[dimensions];
            for (var j = 0; j < dimensions; j++)
            {
                vector[j] = (i + 1) * 0.001f * ((j % 10) + 1);
            }

            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray()))
                : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        await WriteAsync(context, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 7 * count, ["total_tokens"] = 7 * count },
        }).ConfigureAwait(false);
    }

    public async Task ModerationsAsync(HttpContext context, string route)
    {
        if (await BeginAsync(context, route).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var text = request["input"]?.ToJsonString() ?? string.Empty;
        var flagged = text.Contains("violent", StringComparison.OrdinalIgnoreCase);
        var categories = new JsonObject();
        var scores = new JsonObject();
        foreach (var category in new[]
                 {
                     "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent", "self-harm",
                     "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic",
                 })
        {
            var hit = flagged && category == "violence";
            categories[category] = hit;
            scores[category] = hit ? 0.97 : 0.002;
        }

        await WriteAsync(context, new JsonObject
        {
            ["id"] = "modr-fake-1",
            ["model"] = request["model"]?.GetValue<string>(),
            ["results"] = new JsonArray(new JsonObject { ["flagged"] = flagged, ["categories"] = categories, ["category_scores"] = scores }),
        }).ConfigureAwait(false);
    }

    public async Task ImagesAsync(HttpContext context, string route)
    {
        if (await BeginAsync(context, route).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var n = request["n"]?.GetValue<int>() ?? 1;
        var asB64 = request["response_format"]?.GetValue<string>() == "b64_json";
        var data = new JsonArray();
        for (var i = 0; i < n; i++)
        {
            data.Add(asB64
                ? new JsonObject { ["b64_json"] = "ZmFrZS1pbWFnZQ==", ["revised_prompt"] = "fake: " + request["prompt"]?.GetValue<string>() }
                : new JsonObject { ["url"] = $"https://images.fake.test/{i}.png", ["revised_prompt"] = "fake: " + request["prompt"]?.GetValue<string>() });
        }

        await WriteAsync(context, new JsonObject { ["created"] = 1_700_000_000, ["data"] = data }).ConfigureAwait(false);
    }

    /// <summary>A vLLM/Jina-style rerank: scores fall with the document's position, reversed so the last is best.</summary>
    public async Task RerankAsync(HttpContext context, string route)
    {
        if (await BeginAsync(context, route).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var documents = request["documents"] as JsonArray ?? [];
        var results = new JsonArray();
        for (var i = documents.Count - 1; i >= 0; i--)
        {
            var text = documents[i] is JsonObject doc ? doc["text"]?.GetValue<string>() : documents[i]?.GetValue<string>();
            results.Add(new JsonObject
            {
                ["index"] = i,
                ["relevance_score"] = Math.Round(0.1 + (0.8 * i / Math.Max(1, documents.Count)), 4),
                ["document"] = new JsonObject { ["text"] = text },
            });
        }

        await WriteAsync(context, new JsonObject
        {
            ["id"] = "rerank-fake-1",
            ["model"] = request["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["total_tokens"] = 10 },
            ["results"] = results,
        }).ConfigureAwait(false);
    }

    public async Task CompletionsAsync(HttpContext context, string route)
    {
        var behavior = _script.Next(route);
        if (await BeginAsync(context, route, behavior).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var model = request["model"]?.GetValue<string>() ?? "fake-model";
        var words = FakeHttp.Words(behavior, _options);
        var id = "cmpl-fake-" + Guid.NewGuid().ToString("N")[..12];
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var usage = new JsonObject { ["prompt_tokens"] = 5, ["completion_tokens"] = words.Length, ["total_tokens"] = 5 + words.Length };
        if (request["stream"]?.GetValue<bool>() != true)
        {
            await WriteAsync(context, new JsonObject
            {
                ["id"] = id,
                ["object"] = "text_completion",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject { ["text"] = string.Concat(words), ["index"] = 0, ["logprobs"] = null, ["finish_reason"] = "stop" }),
                ["usage"] = usage,
            }).ConfigureAwait(false);
            return;
        }

        FakeHttp.StartEventStream(context);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        if (behavior.ChunkDelay > TimeSpan.Zero)
        {
            await Task.Delay(behavior.ChunkDelay, context.RequestAborted).ConfigureAwait(false);
        }

        for (var i = 0; i <= words.Length; i++)
        {
            if (behavior.Kind == BehaviorKind.ResetMidStream && i == behavior.ChunksBeforeReset)
            {
                FakeHttp.Abort(context);
                return;
            }

            var last = i == words.Length;
            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "text_completion",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["text"] = last ? string.Empty : words[i],
                    ["index"] = 0,
                    ["logprobs"] = null,
                    ["finish_reason"] = last ? "stop" : null,
                }),
            };
            await FakeHttp.WriteEventAsync(context, null, chunk.ToJsonString()).ConfigureAwait(false);
            if (behavior.ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(behavior.ChunkDelay, context.RequestAborted).ConfigureAwait(false);
            }
        }

        if (request["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
        {
            var final = new JsonObject { ["id"] = id, ["object"] = "text_completion", ["created"] = created, ["model"] = model, ["choices"] = new JsonArray(), ["usage"] = usage };
            await FakeHttp.WriteEventAsync(context, null, final.ToJsonString()).ConfigureAwait(false);
        }

        await FakeHttp.WriteEventAsync(context, null, "[DONE]").ConfigureAwait(false);
    }

    private Task<JsonNode?> BeginAsync(HttpContext context, string route) => BeginAsync(context, route, _script.Next(route));

    /// <summary>Records the request, plays the scripted failure if any, and parses the body (null when finished).</summary>
    private async Task<JsonNode?> BeginAsync(HttpContext context, string route, Behavior behavior)
    {
        var body = await FakeHttp.RecordAsync(context, _script, route).ConfigureAwait(false);
        if (!await FakeHttp.BeforeAnswerAsync(context, behavior, _options, OpenAiFake.ErrorBody).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(OpenAiFake.ErrorBody(400), context.RequestAborted).ConfigureAwait(false);
            return null;
        }
    }

    internal static async Task WriteAsync(HttpContext context, JsonObject answer)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

}
