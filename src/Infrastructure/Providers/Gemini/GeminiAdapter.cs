using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Gemini;

/// <summary>
/// Google AI Studio's Gemini API: <c>POST {api_base}/v1beta/models/{model}:generateContent</c>
/// (or <c>:streamGenerateContent?alt=sse</c>) with the key in <c>x-goog-api-key</c>.
/// </summary>
internal sealed class GeminiAdapter : TranslatingAdapter<GeminiResponse>
{
    private const string DefaultApiBase = "https://generativelanguage.googleapis.com";

    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "temperature", "top_p", "n", "stop", "max_tokens", "max_completion_tokens", "tools", "tool_choice", "functions",
        "function_call", "response_format", "seed", "presence_penalty", "frequency_penalty", "top_k",
    };

    public GeminiAdapter(ProviderHttp http, TimeProvider time)
        : base(http, time)
    {
    }

    public override IReadOnlyCollection<string> Providers { get; } = ["gemini"];

    protected override IReadOnlySet<string> SupportedParams => Supported;

    protected override JsonTypeInfo<GeminiResponse> ResponseType => GeminiJsonContext.Default.GeminiResponse;

    public static string? FinishReason(string? reason, bool calledTools) => reason switch
    {
        null or "FINISH_REASON_UNSPECIFIED" => null,
        "STOP" => calledTools ? "tool_calls" : "stop",
        "MAX_TOKENS" => "length",
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" or "IMAGE_SAFETY" => "content_filter",
        _ => calledTools ? "tool_calls" : "stop",
    };

    /// <summary>An OpenAI tool call from a Gemini function call (which may have no id).</summary>
    public static ToolCall ToolCallOf(GeminiFunctionCall call, int? index) => new()
    {
        Index = index,
        Id = call.Id ?? NewToolCallId(),
        Type = "function",
        Function = new FunctionCallPayload { Name = call.Name, Arguments = call.Args is { } args ? args.GetRawText() : "{}" },
    };

    protected override Result<HttpRequestMessage> BuildRequest(ProviderCall call, bool stream)
    {
        var translated = Translate(call.Request);
        if (!translated.IsSuccess)
        {
            return translated.Error!;
        }

        var settings = call.Deployment.Settings;
        var model = Uri.EscapeDataString(call.Deployment.UpstreamModel);
        var method = stream ? "streamGenerateContent?alt=sse" : "generateContent";
        var uri = new Uri($"{settings.ApiBase ?? DefaultApiBase}/v1beta/models/{model}:{method}");
        var message = JsonPost(uri, JsonSerializer.SerializeToUtf8Bytes(translated.Value, GeminiJsonContext.Default.GeminiRequest));
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            message.Headers.TryAddWithoutValidation("x-goog-api-key", settings.ApiKey);
        }

        return message;
    }

    protected override Result<ChatCompletionResponse> Translate(GeminiResponse response, ProviderCall call)
    {
        if (response.Candidates is not { Count: > 0 } candidates)
        {
            if (response.PromptFeedback?.BlockReason is { } blocked)
            {
                var empty = new ChatResponseMessage { Role = "assistant", Content = string.Empty };
                return Completion(response.ResponseId ?? "chatcmpl-" + Guid.NewGuid().ToString("N"), call, empty, "content_filter", response.UsageMetadata?.ToUsage());
            }

            return UpstreamErrors.BadAnswer(call.Deployment.Provider, "no candidates");
        }

        var choices = new List<ChatChoice>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var text = new StringBuilder();
            var calls = new List<ToolCall>();
            foreach (var part in candidate.Content?.Parts ?? [])
            {
                if (part.FunctionCall is { } function)
                {
                    calls.Add(ToolCallOf(function, null));
                }
                else if (part.Text is { } partText && part.Thought != true)
                {
                    text.Append(partText);
                }
            }

            var message = new ChatResponseMessage
            {
                Role = "assistant",
                Content = text.Length > 0 || calls.Count == 0 ? text.ToString() : null,
                ToolCalls = calls.Count > 0 ? calls : null,
            };
            choices.Add(new ChatChoice { Index = candidate.Index ?? i, Message = message, FinishReason = FinishReason(candidate.FinishReason, calls.Count > 0) ?? "stop" });
        }

        return Completion(response.ResponseId ?? "chatcmpl-" + Guid.NewGuid().ToString("N"), call, choices, response.UsageMetadata?.ToUsage());
    }

    protected override IChatCompletionStream OpenStream(HttpResponseMessage response, Stream body, ProviderCall call) =>
        new GeminiChatStream(response, body, call.Deployment.Provider, call.Deployment.UpstreamModel, Time);

    private static Result<GeminiRequest> Translate(ChatCompletionRequest request)
    {
        var input = ChatInput.Read(request);
        if (!input.IsSuccess)
        {
            return input.Error!;
        }

        var (conversation, functions, choice) = input.Value;
        var contents = input.Value.Turns<GeminiContent, GeminiPart>((assistant, parts) => new GeminiContent(assistant ? "model" : "user", parts), Part);
        var tools = functions.Count > 0
            ? new[] { new GeminiTool(functions.Select(f => new GeminiFunctionDeclaration(f.Name!, f.Description, ToolSet.Schema(f))).ToList()) }
            : null;
        var system = conversation.System;
        var format = request.ResponseFormat;
        var json = format?.Type is "json_object" or "json_schema";
        JsonElement? schema = format?.Type == "json_schema" && format.JsonSchema is { ValueKind: JsonValueKind.Object } js && js.TryGetProperty("schema", out var s) ? s : null;
        return new GeminiRequest
        {
            Contents = contents,
            SystemInstruction = system.Count > 0 ? new GeminiContent(null, system.Select(t => new GeminiPart { Text = t }).ToList()) : null,
            GenerationConfig = new GeminiGenerationConfig
            {
                Temperature = request.Temperature,
                TopP = request.TopP,
                TopK = RequestParams.TopK(request),
                MaxOutputTokens = request.EffectiveMaxTokens,
                StopSequences = MessageContent.StopSequences(request.Stop),
                CandidateCount = request.N is > 1 ? request.N : null,
                ResponseMimeType = json ? "application/json" : null,
                ResponseSchema = schema,
                Seed = request.Seed,
                PresencePenalty = request.PresencePenalty,
                FrequencyPenalty = request.FrequencyPenalty,
            },
            Tools = tools,
            ToolConfig = tools is null || choice is null ? null : ToolConfig(choice),
        };
    }

    private static GeminiToolConfig ToolConfig(ToolChoice choice) => new(choice.Mode switch
    {
        "none" => new GeminiFunctionCallingConfig("NONE", null),
        "required" => new GeminiFunctionCallingConfig("ANY", null),
        "function" => new GeminiFunctionCallingConfig("ANY", [choice.Name!]),
        _ => new GeminiFunctionCallingConfig("AUTO", null),
    });

    private static GeminiPart Part(TurnItem item) => item.Kind switch
    {
        TurnItemKind.Image => MessageContent.TryParseDataUrl(item.ImageUrl!, out var mediaType, out var data)
            ? new GeminiPart { InlineData = new GeminiBlob(mediaType, data) }
            : new GeminiPart { FileData = new GeminiFileData(null, item.ImageUrl!) },
        TurnItemKind.ToolUse => new GeminiPart { FunctionCall = new GeminiFunctionCall { Name = item.ToolName!, Args = item.Arguments } },
        TurnItemKind.ToolResult => new GeminiPart
        {
            FunctionResponse = new GeminiFunctionResponse { Name = item.ToolName ?? item.ToolId!, Response = ResultObject(item.Text) },
        },
        _ => new GeminiPart { Text = item.Text },
    };

    /// <summary>A function response must be an object: a JSON object result as it is, anything else under <c>content</c>.</summary>
    private static JsonElement ResultObject(string? text)
    {
        if (MessageContent.TryParseArguments(text, out var parsed) && !string.IsNullOrWhiteSpace(text))
        {
            return parsed;
        }

        var wrapped = new Dictionary<string, JsonElement> { ["content"] = JsonSerializer.SerializeToElement(text ?? string.Empty, GeminiJsonContext.Default.String) };
        return JsonSerializer.SerializeToElement(wrapped, GeminiJsonContext.Default.DictionaryStringJsonElement);
    }
}
