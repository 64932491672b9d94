using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>Ollama's native <c>POST /api/chat</c>: <c>{"error": ...}</c> errors and newline-delimited JSON streaming (the default).</summary>
internal sealed class OllamaFake
{
    private static readonly HashSet<string> OptionNames = new(StringComparer.Ordinal)
    {
        "temperature", "top_p", "top_k", "num_predict", "stop", "seed", "presence_penalty", "frequency_penalty", "num_ctx",
        "repeat_penalty", "min_p",
    };

    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;

    public OllamaFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public static string ErrorBody(int status) => ErrorBody($"Fake upstream error {status}");

    private static string ErrorBody(string message) => new JsonObject { ["error"] = message }.ToJsonString();

    public async Task ChatAsync(HttpContext context)
    {
        var body = await FakeHttp.RecordAsync(context, _script, Routes.OllamaChat).ConfigureAwait(false);
        var behavior = _script.Next(Routes.OllamaChat);
        if (!await FakeHttp.BeforeAnswerAsync(context, behavior, _options, ErrorBody).ConfigureAwait(false))
        {
            return;
        }

        if (Validate(body) is { } problem)
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ErrorBody(problem), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var request = JsonNode.Parse(body)!;
        var model = request["model"]!.GetValue<string>();
        var stream = request["stream"]?.GetValue<bool>() ?? true;
        var words = FakeHttp.Words(behavior, _options);
        var promptTokens = Math.Max(1, body.Length / 4);
        JsonObject Line(JsonObject message, bool done)
        {
            var line = new JsonObject
            {
                ["model"] = model,
                ["created_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["message"] = message,
                ["done"] = done,
            };
            if (done)
            {
                line["done_reason"] = "stop";
                line["total_duration"] = 1_000_000;
                line["load_duration"] = 1_000;
                line["prompt_eval_count"] = promptTokens;
                line["prompt_eval_duration"] = 100_000;
                line["eval_count"] = words.Length;
                line["eval_duration"] = 800_000;
            }

            return line;
        }

        JsonObject ToolMessage() => new()
        {
            ["role"] = "assistant",
            ["content"] = string.Empty,
            ["tool_calls"] = new JsonArray(new JsonObject
            {
                ["function"] = new JsonObject { ["name"] = behavior.ToolCallName, ["arguments"] = JsonNode.Parse(behavior.ToolCallArguments) },
            }),
        };

        if (!stream)
        {
            var message = behavior.ToolCallName is null ? new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(words) } : ToolMessage();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Line(message, done: true).ToJsonString(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        FakeHttp.StartEventStream(context, "application/x-ndjson");
        var sender = new FakeStream(context, behavior);
        var frames = new List<Func<Task<bool>>>();
        if (behavior.ToolCallName is not null)
        {
            frames.Add(() => SendLine(sender, Line(ToolMessage(), done: false)));
        }
        else
        {
            foreach (var word in words)
            {
                frames.Add(() => SendLine(sender, Line(new JsonObject { ["role"] = "assistant", ["content"] = word }, done: false)));
            }
        }

        frames.Add(() => SendLine(sender, Line(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, done: true)));
        await sender.AllAsync(frames).ConfigureAwait(false);
    }

    private static Task<bool> SendLine(FakeStream sender, JsonObject line) =>
        sender.SendAsync(ctx => ctx.Response.WriteAsync(line.ToJsonString() + "\n", ctx.RequestAborted));

    /// <summary>The checks Ollama makes: a model, messages with known roles, tool-call arguments as objects, known options.</summary>
    private static string? Validate(string body)
    {
        var request = FakeHttp.ParseObject(body);
        if (request is null)
        {
            return "invalid character in request body";
        }

        if (request["model"] is not JsonValue)
        {
            return "model is required";
        }

        if (request["messages"] is not JsonArray messages)
        {
            return "messages is required";
        }

        foreach (var message in messages)
        {
            var role = message?["role"]?.GetValue<string>();
            if (role is not ("system" or "user" or "assistant" or "tool"))
            {
                return $"invalid role: {role}";
            }

            foreach (var call in message?["tool_calls"] as JsonArray ?? [])
            {
                if (call?["function"]?["arguments"] is not JsonObject)
                {
                    return "json: cannot unmarshal string into Go struct field ToolCallFunction.messages.tool_calls.function.arguments of type api.ToolCallFunctionArguments";
                }
            }
        }

        if (request["options"] is JsonObject options)
        {
            foreach (var (name, _) in options)
            {
                if (!OptionNames.Contains(name))
                {
                    return $"invalid option provided: {name}";
                }
            }
        }

        return null;
    }
}
