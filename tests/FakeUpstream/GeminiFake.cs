using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>
/// The Gemini API: <c>POST /v1beta/models/{model}:generateContent</c> and <c>:streamGenerateContent?alt=sse</c>,
/// Google's error envelope, and streamed partial responses as Server-Sent Events.
/// </summary>
internal sealed class GeminiFake
{
    private static readonly HashSet<string> RequestFields = new(StringComparer.Ordinal)
    {
        "contents", "systemInstruction", "generationConfig", "tools", "toolConfig", "safetySettings", "cachedContent",
    };

    private static readonly HashSet<string> GenerationFields = new(StringComparer.Ordinal)
    {
        "temperature", "topP", "topK", "maxOutputTokens", "stopSequences", "candidateCount", "responseMimeType",
        "responseSchema", "responseJsonSchema", "seed", "presencePenalty", "frequencyPenalty", "responseLogprobs", "logprobs",
        "thinkingConfig", "responseModalities",
    };

    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;

    public GeminiFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public static string ErrorBody(int status) => ErrorBody(status, $"Fake upstream error {status}");

    private static string ErrorBody(int status, string message) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = status,
            ["message"] = message,
            ["status"] = status switch
            {
                400 => "INVALID_ARGUMENT",
                401 => "UNAUTHENTICATED",
                403 => "PERMISSION_DENIED",
                404 => "NOT_FOUND",
                429 => "RESOURCE_EXHAUSTED",
                503 => "UNAVAILABLE",
                504 => "DEADLINE_EXCEEDED",
                _ => "INTERNAL",
            },
        },
    }.ToJsonString();

    public async Task ModelsAsync(HttpContext context, string action)
    {
        var colon = action.LastIndexOf(':');
        var model = colon > 0 ? action[..colon] : action;
        var method = colon > 0 ? action[(colon + 1)..] : string.Empty;
        var stream = method == "streamGenerateContent";
        if (!stream && method != "generateContent")
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync(ErrorBody(404, $"Method '{method}' is not found."), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var body = await FakeHttp.RecordAsync(context, _script, Routes.GeminiGenerate).ConfigureAwait(false);
        var behavior = _script.Next(Routes.GeminiGenerate);
        if (!await FakeHttp.BeforeAnswerAsync(context, behavior, _options, ErrorBody).ConfigureAwait(false))
        {
            return;
        }

        if (Validate(body) is { } problem)
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ErrorBody(400, problem), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var words = FakeHttp.Words(behavior, _options);
        var promptTokens = Math.Max(1, body.Length / 4);
        var responseId = "fake" + Guid.NewGuid().ToString("N")[..16];
        JsonObject Usage() => new()
        {
            ["promptTokenCount"] = promptTokens,
            ["candidatesTokenCount"] = words.Length,
            ["totalTokenCount"] = promptTokens + words.Length,
        };
        JsonObject Response(JsonArray parts, string? finishReason, bool usage) => new()
        {
            ["candidates"] = new JsonArray(new JsonObject
            {
                ["content"] = new JsonObject { ["parts"] = parts, ["role"] = "model" },
                ["finishReason"] = finishReason,
                ["index"] = 0,
            }),
            ["usageMetadata"] = usage ? Usage() : null,
            ["modelVersion"] = model,
            ["responseId"] = responseId,
        };
        JsonArray CallParts() => new(new JsonObject
        {
            ["functionCall"] = new JsonObject { ["name"] = behavior.ToolCallName, ["args"] = JsonNode.Parse(behavior.ToolCallArguments) },
        });

        if (!stream)
        {
            var parts = behavior.ToolCallName is null ? new JsonArray(new JsonObject { ["text"] = string.Concat(words) }) : CallParts();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Response(parts, "STOP", usage: true).ToJsonString(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        FakeHttp.StartEventStream(context);
        var sender = new FakeStream(context, behavior);
        var frames = new List<Func<Task<bool>>>();
        if (behavior.ToolCallName is not null)
        {
            frames.Add(() => sender.EventAsync(null, Response(CallParts(), "STOP", usage: true).ToJsonString()));
        }
        else
        {
            for (var i = 0; i < words.Length; i++)
            {
                var last = i == words.Length - 1;
                var word = words[i];
                frames.Add(() => sender.EventAsync(null, Response(new JsonArray(new JsonObject { ["text"] = word }), last ? "STOP" : null, usage: last).ToJsonString()));
            }
        }

        await sender.AllAsync(frames).ConfigureAwait(false);
    }

    /// <summary>The checks the real API makes: known field names only, a non-empty <c>contents</c> with roles user and model.</summary>
    private static string? Validate(string body)
    {
        var request = FakeHttp.ParseObject(body);
        if (request is null)
        {
            return "Invalid JSON payload received. The body must be an object.";
        }

        foreach (var (name, _) in request)
        {
            if (!RequestFields.Contains(name))
            {
                return $"Invalid JSON payload received. Unknown name \"{name}\": Cannot find field.";
            }
        }

        if (request["generationConfig"] is JsonObject generation)
        {
            foreach (var (name, _) in generation)
            {
                if (!GenerationFields.Contains(name))
                {
                    return $"Invalid JSON payload received. Unknown name \"{name}\" at 'generation_config': Cannot find field.";
                }
            }
        }

        if (request["contents"] is not JsonArray { Count: > 0 } contents)
        {
            return "* GenerateContentRequest.contents: contents is not specified";
        }

        foreach (var content in contents)
        {
            var role = content?["role"]?.GetValue<string>();
            if (role is not ("user" or "model"))
            {
                return $"Please use a valid role: user, model. (got '{role}')";
            }

            if (content?["parts"] is not JsonArray { Count: > 0 })
            {
                return "* GenerateContentRequest.contents.parts: contents.parts must not be empty.";
            }
        }

        return null;
    }
}
