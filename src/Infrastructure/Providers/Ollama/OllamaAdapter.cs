using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>Ollama's native chat API: <c>POST {api_base}/api/chat</c>, streamed as newline-delimited JSON.</summary>
internal sealed class OllamaAdapter : TranslatingAdapter<OllamaResponse>
{
    private const string DefaultApiBase = "http://localhost:11434";

    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "temperature", "top_p", "stop", "max_tokens", "max_completion_tokens", "seed", "presence_penalty", "frequency_penalty",
        "tools", "functions", "response_format", "top_k",
    };

    private static readonly JsonElement JsonFormat = JsonSerializer.SerializeToElement("json", OllamaJsonContext.Default.String);

    public OllamaAdapter(ProviderHttp http, TimeProvider time)
        : base(http, time)
    {
    }

    public override IReadOnlyCollection<string> Providers { get; } = ["ollama", "ollama_chat"];

    protected override IReadOnlySet<string> SupportedParams => Supported;

    protected override JsonTypeInfo<OllamaResponse> ResponseType => OllamaJsonContext.Default.OllamaResponse;

    public static string FinishReason(string? doneReason, bool calledTools) => doneReason switch
    {
        "length" => "length",
        _ when calledTools => "tool_calls",
        _ => "stop",
    };

    public static List<ToolCall> ToolCalls(IReadOnlyList<OllamaToolCall> calls, int firstIndex, bool withIndex) =>
        calls.Select((call, i) => new ToolCall
        {
            Index = withIndex ? firstIndex + i : null,
            Id = NewToolCallId(),
            Type = "function",
            Function = new FunctionCallPayload { Name = call.Function.Name, Arguments = call.Function.Arguments is { } args ? args.GetRawText() : "{}" },
        }).ToList();

    protected override Result<HttpRequestMessage> BuildRequest(ProviderCall call, bool stream)
    {
        var translated = Translate(call, stream);
        if (!translated.IsSuccess)
        {
            return translated.Error!;
        }

        var uri = new Uri((call.Deployment.Settings.ApiBase ?? DefaultApiBase) + "/api/chat");
        var message = JsonPost(uri, JsonSerializer.SerializeToUtf8Bytes(translated.Value, OllamaJsonContext.Default.OllamaRequest));
        if (!string.IsNullOrEmpty(call.Deployment.Settings.ApiKey))
        {
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", call.Deployment.Settings.ApiKey);
        }

        return message;
    }

    protected override Result<ChatCompletionResponse> Translate(OllamaResponse response, ProviderCall call)
    {
        var calls = response.Message?.ToolCalls is { Count: > 0 } toolCalls ? ToolCalls(toolCalls, 0, withIndex: false) : null;
        var text = response.Message?.Content ?? string.Empty;
        var message = new ChatResponseMessage
        {
            Role = "assistant",
            Content = text.Length > 0 || calls is null ? text : null,
            ToolCalls = calls,
        };
        return Completion("chatcmpl-" + Guid.NewGuid().ToString("N"), call, message, FinishReason(response.DoneReason, calls is not null), response.ToUsage());
    }

    protected override IChatCompletionStream OpenStream(HttpResponseMessage response, Stream body, ProviderCall call) =>
        new OllamaChatStream(response, body, call.Deployment.Provider, call.Deployment.UpstreamModel, Time);

    private static Result<OllamaRequest> Translate(ProviderCall call, bool stream)
    {
        var request = call.Request;
        var input = ChatInput.Read(request);
        if (!input.IsSuccess)
        {
            return input.Error!;
        }

        var messages = new List<OllamaMessage>();
        messages.AddRange(input.Value.Conversation.System.Select(s => new OllamaMessage { Role = "system", Content = s }));
        foreach (var turn in input.Value.Conversation.Turns)
        {
            var added = turn.IsAssistant ? AddAssistant(messages, turn) : AddUser(messages, turn);
            if (added is { } error)
            {
                return error;
            }
        }

        JsonElement? format = request.ResponseFormat?.Type switch
        {
            "json_object" => JsonFormat,
            "json_schema" when request.ResponseFormat.JsonSchema is { ValueKind: JsonValueKind.Object } js && js.TryGetProperty("schema", out var schema) => schema,
            "json_schema" => JsonFormat,
            _ => null,
        };
        var stop = MessageContent.StopSequences(request.Stop);
        var options = new OllamaOptions
        {
            Temperature = request.Temperature,
            TopP = request.TopP,
            TopK = RequestParams.TopK(request),
            NumPredict = request.EffectiveMaxTokens,
            Stop = stop,
            Seed = request.Seed,
            PresencePenalty = request.PresencePenalty,
            FrequencyPenalty = request.FrequencyPenalty,
        };
        var functions = input.Value.Functions;
        return new OllamaRequest
        {
            Model = call.Deployment.UpstreamModel,
            Messages = messages,
            Stream = stream,
            Tools = functions.Count > 0 ? functions.Select(f => new OllamaTool("function", f with { Strict = null })).ToList() : null,
            Format = format,
            Options = options == new OllamaOptions() ? null : options,
        };
    }

    private static Error? AddAssistant(List<OllamaMessage> messages, Turn turn)
    {
        var text = string.Concat(turn.Items.Where(i => i.Kind == TurnItemKind.Text).Select(i => i.Text));
        var calls = turn.Items.Where(i => i.Kind == TurnItemKind.ToolUse)
            .Select(i => new OllamaToolCall(new OllamaFunctionCall(i.ToolName!, i.Arguments)))
            .ToList();
        messages.Add(new OllamaMessage { Role = "assistant", Content = text, ToolCalls = calls.Count > 0 ? calls : null });
        return null;
    }

    private static Error? AddUser(List<OllamaMessage> messages, Turn turn)
    {
        var text = new StringBuilder();
        var images = new List<string>();
        foreach (var item in turn.Items)
        {
            switch (item.Kind)
            {
                case TurnItemKind.ToolResult:
                    messages.Add(new OllamaMessage { Role = "tool", Content = item.Text, ToolName = item.ToolName });
                    break;
                case TurnItemKind.Image:
                    if (!MessageContent.TryParseDataUrl(item.ImageUrl!, out _, out var data))
                    {
                        return Error.Validation("Ollama takes images only as base64 data URLs (data:image/...;base64,...).", "messages");
                    }

                    images.Add(data);
                    break;
                default:
                    text.Append(item.Text);
                    break;
            }
        }

        if (text.Length > 0 || images.Count > 0)
        {
            messages.Add(new OllamaMessage { Role = "user", Content = text.ToString(), Images = images.Count > 0 ? images : null });
        }

        return null;
    }
}
