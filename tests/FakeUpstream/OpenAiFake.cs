using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>OpenAI's (and Azure OpenAI's) Chat Completions wire format.</summary>
internal sealed class OpenAiFake
{
    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;

    public OpenAiFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public static string ErrorBody(int status) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = $"Fake upstream error {status}",
            ["type"] = status == 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error",
            ["param"] = null,
            ["code"] = status == 429 ? "rate_limit_exceeded" : null,
        },
    }.ToJsonString();

    public async Task ChatAsync(HttpContext context, string route)
    {
        var body = await FakeHttp.RecordAsync(context, _script, route).ConfigureAwait(false);
        var behavior = _script.Next(route, body);
        if (!await FakeHttp.BeforeAnswerAsync(context, behavior, _options, ErrorBody).ConfigureAwait(false))
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
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(ErrorBody(400), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var model = request?["model"]?.GetValue<string>() ?? "fake-model";
        var stream = request?["stream"]?.GetValue<bool>() == true;
        var includeUsage = request?["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        var words = FakeHttp.Words(behavior, _options);
        var id = "chatcmpl-fake-" + Guid.NewGuid().ToString("N")[..12];
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var promptTokens = Math.Max(1, body.Length / 4);
        if (!stream)
        {
            context.Response.ContentType = "application/json";
            var message = behavior.ToolCallName is { } tool
                ? new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "call_fake_1",
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = behavior.ToolCallArguments },
                    }),
                }
                : new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(words) };
            var answer = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = message,
                    ["logprobs"] = null,
                    ["finish_reason"] = behavior.ToolCallName is null ? "stop" : "tool_calls",
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = promptTokens,
                    ["completion_tokens"] = words.Length,
                    ["total_tokens"] = promptTokens + words.Length,
                },
                ["system_fingerprint"] = "fp_fake",
            };
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        FakeHttp.StartEventStream(context);
        var sent = 0;
        async Task<bool> SendAsync(JsonObject delta, string? finish)
        {
            if (behavior.Kind == BehaviorKind.ResetMidStream && sent == behavior.ChunksBeforeReset)
            {
                await FakeHttp.AbortMidStreamAsync(context).ConfigureAwait(false);
                return false;
            }

            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = model,
                ["system_fingerprint"] = "fp_fake",
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
            };
            await FakeHttp.WriteEventAsync(context, null, chunk.ToJsonString()).ConfigureAwait(false);
            sent++;
            if (behavior.ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(behavior.ChunkDelay, context.RequestAborted).ConfigureAwait(false);
            }

            return true;
        }

        if (!await SendAsync(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null).ConfigureAwait(false))
        {
            return;
        }

        if (behavior.ToolCallName is { } toolName)
        {
            if (!await SendAsync(
                    new JsonObject
                    {
                        ["tool_calls"] = new JsonArray(new JsonObject
                        {
                            ["index"] = 0,
                            ["id"] = "call_fake_1",
                            ["type"] = "function",
                            ["function"] = new JsonObject { ["name"] = toolName, ["arguments"] = string.Empty },
                        }),
                    },
                    null).ConfigureAwait(false))
            {
                return;
            }

            var half = behavior.ToolCallArguments.Length / 2;
            foreach (var part in new[] { behavior.ToolCallArguments[..half], behavior.ToolCallArguments[half..] })
            {
                var delta = new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = part } }),
                };
                if (!await SendAsync(delta, null).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        else
        {
            foreach (var word in words)
            {
                if (!await SendAsync(new JsonObject { ["content"] = word }, null).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        if (!await SendAsync(new JsonObject(), behavior.ToolCallName is null ? "stop" : "tool_calls").ConfigureAwait(false))
        {
            return;
        }

        if (includeUsage)
        {
            var usage = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = promptTokens,
                    ["completion_tokens"] = words.Length,
                    ["total_tokens"] = promptTokens + words.Length,
                },
            };
            await FakeHttp.WriteEventAsync(context, null, usage.ToJsonString()).ConfigureAwait(false);
        }

        await FakeHttp.WriteEventAsync(context, null, "[DONE]").ConfigureAwait(false);
    }
}
