using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>
/// Bedrock Runtime's Converse (<c>POST /model/{modelId}/converse</c>) and ConverseStream (<c>/converse-stream</c>,
/// answered in the binary event-stream framing). Checks that each request carries a well-formed SigV4
/// <c>Authorization</c> for the service <c>bedrock</c>, and answers errors as Bedrock does.
/// </summary>
internal sealed partial class BedrockFake
{
    private static readonly HashSet<string> RequestFields = new(StringComparer.Ordinal)
    {
        "messages", "system", "inferenceConfig", "toolConfig", "guardrailConfig", "additionalModelRequestFields",
        "additionalModelResponseFieldPaths", "promptVariables", "requestMetadata", "performanceConfig",
    };

    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;

    public BedrockFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public static string ErrorBody(int status) => ErrorBody($"Fake upstream error {status}");

    private static string ErrorBody(string message) => new JsonObject { ["message"] = message }.ToJsonString();

    private static string ErrorType(int status) => status switch
    {
        400 => "ValidationException",
        403 => "AccessDeniedException",
        404 => "ResourceNotFoundException",
        408 => "ModelTimeoutException",
        429 => "ThrottlingException",
        503 => "ServiceUnavailableException",
        _ => "InternalServerException",
    };

    public async Task ConverseAsync(HttpContext context, bool stream)
    {
        var body = await FakeHttp.RecordAsync(context, _script, Routes.BedrockConverse).ConfigureAwait(false);
        var behavior = _script.Next(Routes.BedrockConverse);
        if (behavior.Kind == BehaviorKind.Status)
        {
            context.Response.Headers["x-amzn-ErrorType"] = ErrorType(behavior.Status) + ":http://internal.amazon.com/coral/com.amazon.bedrock/";
        }

        if (!await FakeHttp.BeforeAnswerAsync(context, behavior, _options, ErrorBody).ConfigureAwait(false))
        {
            return;
        }

        if (Authorization(context) is { } denied)
        {
            await FailAsync(context, 403, denied).ConfigureAwait(false);
            return;
        }

        if (Validate(body) is { } problem)
        {
            await FailAsync(context, 400, problem).ConfigureAwait(false);
            return;
        }

        var words = FakeHttp.Words(behavior, _options);
        var inputTokens = Math.Max(1, body.Length / 4);
        var stopReason = behavior.ToolCallName is null ? "end_turn" : "tool_use";
        JsonObject Usage() => new() { ["inputTokens"] = inputTokens, ["outputTokens"] = words.Length, ["totalTokens"] = inputTokens + words.Length };
        if (!stream)
        {
            var content = behavior.ToolCallName is { } tool
                ? new JsonArray(new JsonObject
                {
                    ["toolUse"] = new JsonObject { ["toolUseId"] = "tooluse_fake1", ["name"] = tool, ["input"] = JsonNode.Parse(behavior.ToolCallArguments) },
                })
                : new JsonArray(new JsonObject { ["text"] = string.Concat(words) });
            var answer = new JsonObject
            {
                ["output"] = new JsonObject { ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content } },
                ["stopReason"] = stopReason,
                ["usage"] = Usage(),
                ["metrics"] = new JsonObject { ["latencyMs"] = 12 },
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        FakeHttp.StartEventStream(context, "application/vnd.amazon.eventstream");
        var sender = new FakeStream(context, behavior);
        Func<Task<bool>> Event(string type, JsonObject payload) => () => sender.SendAsync(ctx =>
        {
            payload["p"] = "abcdefghij";
            return ctx.Response.Body.WriteAsync(EventStreamWriter.Event(type, payload.ToJsonString()), ctx.RequestAborted).AsTask();
        });
        var frames = new List<Func<Task<bool>>> { Event("messageStart", new JsonObject { ["role"] = "assistant" }) };
        if (behavior.ToolCallName is { } toolName)
        {
            var half = behavior.ToolCallArguments.Length / 2;
            frames.Add(Event("contentBlockStart", new JsonObject
            {
                ["contentBlockIndex"] = 0,
                ["start"] = new JsonObject { ["toolUse"] = new JsonObject { ["toolUseId"] = "tooluse_fake1", ["name"] = toolName } },
            }));
            foreach (var part in new[] { behavior.ToolCallArguments[..half], behavior.ToolCallArguments[half..] })
            {
                frames.Add(Event("contentBlockDelta", new JsonObject
                {
                    ["contentBlockIndex"] = 0,
                    ["delta"] = new JsonObject { ["toolUse"] = new JsonObject { ["input"] = part } },
                }));
            }
        }
        else
        {
            foreach (var word in words)
            {
                frames.Add(Event("contentBlockDelta", new JsonObject { ["contentBlockIndex"] = 0, ["delta"] = new JsonObject { ["text"] = word } }));
            }
        }

        frames.Add(Event("contentBlockStop", new JsonObject { ["contentBlockIndex"] = 0 }));
        frames.Add(Event("messageStop", new JsonObject { ["stopReason"] = stopReason }));
        frames.Add(Event("metadata", new JsonObject { ["usage"] = Usage(), ["metrics"] = new JsonObject { ["latencyMs"] = 12 } }));
        await sender.AllAsync(frames).ConfigureAwait(false);
    }

    private static async Task FailAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-ErrorType"] = ErrorType(status) + ":http://internal.amazon.com/coral/com.amazon.bedrock/";
        await context.Response.WriteAsync(ErrorBody(message), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Null when the request carries a well-formed SigV4 Authorization for bedrock dated by its x-amz-date.</summary>
    private static string? Authorization(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var date = context.Request.Headers["x-amz-date"].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return "Missing Authentication Token";
        }

        var match = SigV4Header().Match(header);
        if (!match.Success)
        {
            return "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.";
        }

        if (match.Groups["service"].Value != "bedrock")
        {
            return $"Credential should be scoped to correct service: 'bedrock'. (got '{match.Groups["service"].Value}')";
        }

        if (date.Length != 16 || !date.StartsWith(match.Groups["date"].Value, StringComparison.Ordinal))
        {
            return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.";
        }

        var signed = match.Groups["signed"].Value.Split(';');
        if (!signed.Contains("host") || !signed.Contains("x-amz-date"))
        {
            return "The request signature must sign the host and x-amz-date headers.";
        }

        return null;
    }

    /// <summary>The Converse request's own checks: known fields, at least one message, roles user and assistant.</summary>
    private static string? Validate(string body)
    {
        var request = FakeHttp.ParseObject(body);
        if (request is null)
        {
            return "Malformed input request, please reformat your input and try again.";
        }

        foreach (var (name, _) in request)
        {
            if (!RequestFields.Contains(name))
            {
                return $"Malformed input request: extraneous key [{name}] is not permitted, please reformat your input and try again.";
            }
        }

        if (request["messages"] is not JsonArray { Count: > 0 } messages)
        {
            return "The model returned the following errors: messages: at least one message is required";
        }

        foreach (var message in messages)
        {
            var role = message?["role"]?.GetValue<string>();
            if (role is not ("user" or "assistant") || message?["content"] is not JsonArray { Count: > 0 })
            {
                return "A conversation must alternate between user and assistant roles, each with content.";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[A-Z0-9]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=[0-9a-f]{64}$")]
    private static partial Regex SigV4Header();
}
