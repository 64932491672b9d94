using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Anthropic;

/// <summary>Anthropic's Messages API: <c>POST {api_base}/v1/messages</c> with <c>x-api-key</c> and <c>anthropic-version</c>.</summary>
internal sealed class AnthropicAdapter : TranslatingAdapter<AnthropicResponse>
{
    public const string ApiVersion = "2023-06-01";
    private const string DefaultApiBase = "https://api.anthropic.com";
    private const int DefaultMaxTokens = 4096;

    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "temperature", "top_p", "stop", "max_tokens", "max_completion_tokens", "tools", "tool_choice", "parallel_tool_calls",
        "functions", "function_call", "top_k",
    };

    public AnthropicAdapter(ProviderHttp http, TimeProvider time)
        : base(http, time)
    {
    }

    public override IReadOnlyCollection<string> Providers { get; } = ["anthropic"];

    protected override IReadOnlySet<string> SupportedParams => Supported;

    protected override JsonTypeInfo<AnthropicResponse> ResponseType => AnthropicJsonContext.Default.AnthropicResponse;

    public static string? FinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" or "pause_turn" => "stop",
        "max_tokens" => "length",
        "tool_use" => "tool_calls",
        "refusal" => "content_filter",
        _ => "stop",
    };

    protected override Result<HttpRequestMessage> BuildRequest(ProviderCall call, bool stream)
    {
        var translated = Translate(call, stream);
        if (!translated.IsSuccess)
        {
            return translated.Error!;
        }

        var settings = call.Deployment.Settings;
        var uri = new Uri((settings.ApiBase ?? DefaultApiBase) + "/v1/messages");
        var message = JsonPost(uri, JsonSerializer.SerializeToUtf8Bytes(translated.Value, AnthropicJsonContext.Default.AnthropicRequest));
        message.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            message.Headers.TryAddWithoutValidation("x-api-key", settings.ApiKey);
        }

        return message;
    }

    protected override Result<ChatCompletionResponse> Translate(AnthropicResponse response, ProviderCall call)
    {
        var text = new StringBuilder();
        var calls = new List<ToolCall>();
        foreach (var block in response.Content ?? [])
        {
            if (block.Type == "text")
            {
                text.Append(block.Text);
            }
            else if (block.Type == "tool_use")
            {
                var arguments = block.Input is { } input ? input.GetRawText() : "{}";
                calls.Add(new ToolCall { Id = block.Id, Type = "function", Function = new FunctionCallPayload { Name = block.Name, Arguments = arguments } });
            }
        }

        var message = new ChatResponseMessage
        {
            Role = "assistant",
            Content = text.Length > 0 || calls.Count == 0 ? text.ToString() : null,
            ToolCalls = calls.Count > 0 ? calls : null,
        };
        return Completion(response.Id ?? "chatcmpl-" + Guid.NewGuid().ToString("N"), call, message, FinishReason(response.StopReason), response.Usage?.ToUsage());
    }

    protected override IChatCompletionStream OpenStream(HttpResponseMessage response, Stream body, ProviderCall call) =>
        new AnthropicChatStream(response, body, call.Deployment.Provider, call.Deployment.UpstreamModel, Time);

    private static Result<AnthropicRequest> Translate(ProviderCall call, bool stream)
    {
        var request = call.Request;
        var input = ChatInput.Read(request);
        if (!input.IsSuccess)
        {
            return input.Error!;
        }

        var (conversation, functions, choice) = input.Value;
        var messages = input.Value.Turns<AnthropicMessage, AnthropicBlock>((assistant, blocks) => new AnthropicMessage(assistant ? "assistant" : "user", blocks), Block);
        var tools = functions.Count > 0
            ? functions.Select(f => new AnthropicTool(f.Name!, f.Description, ToolSet.Schema(f))).ToList()
            : null;
        var system = conversation.System;
        return new AnthropicRequest
        {
            Model = call.Deployment.UpstreamModel,
            Messages = messages,
            System = system.Count > 0 ? system.Select(s => new AnthropicBlock { Type = "text", Text = s }).ToList() : null,
            MaxTokens = request.EffectiveMaxTokens ?? call.Deployment.Settings.MaxTokens ?? DefaultMaxTokens,
            Temperature = request.Temperature,
            TopP = request.TopP,
            TopK = RequestParams.TopK(request),
            StopSequences = MessageContent.StopSequences(request.Stop),
            Stream = stream ? true : null,
            Tools = tools,
            ToolChoice = tools is null ? null : ToolChoice(choice, request.ParallelToolCalls),
            Metadata = string.IsNullOrEmpty(request.User) ? null : new AnthropicMetadata(request.User),
        };
    }

    private static AnthropicBlock Block(TurnItem item) => item.Kind switch
    {
        TurnItemKind.Image => new AnthropicBlock { Type = "image", Source = ImageSource(item.ImageUrl!) },
        TurnItemKind.ToolUse => new AnthropicBlock { Type = "tool_use", Id = item.ToolId, Name = item.ToolName, Input = item.Arguments },
        TurnItemKind.ToolResult => new AnthropicBlock { Type = "tool_result", ToolUseId = item.ToolId, Content = item.Text },
        _ => new AnthropicBlock { Type = "text", Text = item.Text },
    };

    private static AnthropicImageSource ImageSource(string url) =>
        MessageContent.TryParseDataUrl(url, out var mediaType, out var data)
            ? new AnthropicImageSource { Type = "base64", MediaType = mediaType, Data = data }
            : new AnthropicImageSource { Type = "url", Url = url };

    private static AnthropicToolChoice? ToolChoice(ToolChoice? choice, bool? parallel)
    {
        bool? disableParallel = parallel == false ? true : null;
        return choice?.Mode switch
        {
            null => disableParallel is null ? null : new AnthropicToolChoice { Type = "auto", DisableParallelToolUse = disableParallel },
            "none" => new AnthropicToolChoice { Type = "none" },
            "required" => new AnthropicToolChoice { Type = "any", DisableParallelToolUse = disableParallel },
            "function" => new AnthropicToolChoice { Type = "tool", Name = choice.Name, DisableParallelToolUse = disableParallel },
            _ => new AnthropicToolChoice { Type = "auto", DisableParallelToolUse = disableParallel },
        };
    }
}
