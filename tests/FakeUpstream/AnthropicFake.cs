using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>Anthropic's Messages API: <c>POST /v1/messages</c>, its error envelope and its named SSE events.</summary>
internal sealed class AnthropicFake
{
    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;

    public AnthropicFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public static string ErrorBody(int status) => ErrorBody(
        status switch
        {
            400 => "invalid_request_error",
            401 => "authentication_error",
            403 => "permission_error",
            404 => "not_found_error",
            413 => "request_too_large",
            429 => "rate_limit_error",
            529 => "overloaded_error",
            _ => "api_error",
        },
        $"Fake upstream error {status}");

    private static string ErrorBody(string type, string message) => new JsonObject
    {
        ["type"] = "error",
        ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
    }.ToJsonString();

    public async Task MessagesAsync(HttpContext context)
    {
        var body = await FakeHttp.RecordAsync(context, _script, Routes.AnthropicMessages).ConfigureAwait(false);
        var behavior = _script.Next(Routes.AnthropicMessages);
        if (!await FakeHttp.BeforeAnswerAsync(context, behavior, _options, ErrorBody).ConfigureAwait(false))
        {
            return;
        }

        if (Validate(context, body) is { } problem)
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ErrorBody("invalid_request_error", problem), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var request = JsonNode.Parse(body)!;
        var model = request["model"]!.GetValue<string>();
        var stream = request["stream"]?.GetValue<bool>() == true;
        var words = FakeHttp.Words(behavior, _options);
        var id = "msg_fake" + Guid.NewGuid().ToString("N")[..16];
        var inputTokens = Math.Max(1, body.Length / 4);
        var stopReason = behavior.ToolCallName is null ? "end_turn" : "tool_use";
        if (!stream)
        {
            var content = behavior.ToolCallName is { } tool
                ? new JsonArray(
                    new JsonObject { ["type"] = "text", ["text"] = "Let me check." },
                    new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_fake_1", ["name"] = tool, ["input"] = JsonNode.Parse(behavior.ToolCallArguments) })
                : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = string.Concat(words) });
            var answer = new JsonObject
            {
                ["id"] = id,
                ["type"] = "message",
                ["role"] = "assistant",
                ["model"] = model,
                ["content"] = content,
                ["stop_reason"] = stopReason,
                ["stop_sequence"] = null,
                ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = words.Length },
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        FakeHttp.StartEventStream(context);
        var sender = new FakeStream(context, behavior);
        var frames = new List<Func<Task<bool>>>
        {
            () => Event(sender, "message_start", new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["id"] = id,
                    ["type"] = "message",
                    ["role"] = "assistant",
                    ["content"] = new JsonArray(),
                    ["model"] = model,
                    ["stop_reason"] = null,
                    ["stop_sequence"] = null,
                    ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = 1 },
                },
            }),
            () => Event(sender, "ping", new JsonObject()),
        };
        if (behavior.ToolCallName is { } toolName)
        {
            var half = behavior.ToolCallArguments.Length / 2;
            frames.Add(() => Event(sender, "content_block_start", new JsonObject
            {
                ["index"] = 0,
                ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_fake_1", ["name"] = toolName, ["input"] = new JsonObject() },
            }));
            foreach (var part in new[] { behavior.ToolCallArguments[..half], behavior.ToolCallArguments[half..] })
            {
                frames.Add(() => Event(sender, "content_block_delta", new JsonObject
                {
                    ["index"] = 0,
                    ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = part },
                }));
            }
        }
        else
        {
            frames.Add(() => Event(sender, "content_block_start", new JsonObject
            {
                ["index"] = 0,
                ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = string.Empty },
            }));
            foreach (var word in words)
            {
                frames.Add(() => Event(sender, "content_block_delta", new JsonObject
                {
                    ["index"] = 0,
                    ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = word },
                }));
            }
        }

        frames.Add(() => Event(sender, "content_block_stop", new JsonObject { ["index"] = 0 }));
        frames.Add(() => Event(sender, "message_delta", new JsonObject
        {
            ["delta"] = new JsonObject { ["stop_reason"] = stopReason, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = words.Length },
        }));
        frames.Add(() => Event(sender, "message_stop", new JsonObject()));
        await sender.AllAsync(frames).ConfigureAwait(false);
    }

    private static Task<bool> Event(FakeStream sender, string type, JsonObject data)
    {
        data["type"] = type;
        return sender.EventAsync(type, data.ToJsonString());
    }

    /// <summary>The checks the real API makes on the fields this fake relies on.</summary>
    private static string? Validate(HttpContext context, string body)
    {
        if (!context.Request.Headers.TryGetValue("anthropic-version", out var version) || string.IsNullOrEmpty(version))
        {
            return "anthropic-version: header is required";
        }

        if (FakeHttp.ParseObject(body) is not { } root)
        {
            return "The request body is not a valid JSON object.";
        }

        if (root["model"] is not JsonValue)
        {
            return "model: Field required";
        }

        if (root["max_tokens"] is not JsonValue maxTokens || maxTokens.GetValueKind() != JsonValueKind.Number)
        {
            return "max_tokens: Field required";
        }

        if (root["messages"] is not JsonArray { Count: > 0 } messages)
        {
            return "messages: at least one message is required";
        }

        foreach (var message in messages)
        {
            var role = message?["role"]?.GetValue<string>();
            if (role is not ("user" or "assistant"))
            {
                return $"messages: Unexpected role \"{role}\". The Messages API accepts a top-level `system` parameter, not \"system\" as an input message role.";
            }
        }

        for (var i = 1; i < messages.Count; i++)
        {
            if (messages[i]?["role"]?.GetValue<string>() == messages[i - 1]?["role"]?.GetValue<string>())
            {
                return "messages: roles must alternate between \"user\" and \"assistant\"";
            }
        }

        return null;
    }
}
