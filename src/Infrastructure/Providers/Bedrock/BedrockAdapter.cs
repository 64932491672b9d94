using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Common;

namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>
/// Amazon Bedrock's Converse API: <c>POST https://bedrock-runtime.{region}.amazonaws.com/model/{modelId}/converse</c>
/// (or <c>/converse-stream</c>, answered in the event-stream framing), signed with SigV4 for the service <c>bedrock</c>.
/// </summary>
internal sealed class BedrockAdapter : TranslatingAdapter<ConverseResponse>
{
    public const string SigningService = "bedrock";
    private const string FallbackRegion = "us-east-1";

    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "temperature", "top_p", "stop", "max_tokens", "max_completion_tokens", "tools", "tool_choice", "functions", "function_call",
    };

    private static readonly ConverseEmpty Empty = new();

    private readonly AwsEnvironment _environment;

    public BedrockAdapter(ProviderHttp http, TimeProvider time, AwsEnvironment environment)
        : base(http, time)
    {
        _environment = environment;
    }

    public override IReadOnlyCollection<string> Providers { get; } = ["bedrock"];

    protected override IReadOnlySet<string> SupportedParams => Supported;

    protected override JsonTypeInfo<ConverseResponse> ResponseType => BedrockJsonContext.Default.ConverseResponse;

    public static string? FinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "max_tokens" => "length",
        "tool_use" => "tool_calls",
        "content_filtered" or "guardrail_intervened" => "content_filter",
        _ => "stop",
    };

    protected override Result<HttpRequestMessage> BuildRequest(ProviderCall call, bool stream)
    {
        var settings = call.Deployment.Settings;
        var credentials = Credentials(settings);
        if (credentials is null)
        {
            return new Error(
                ErrorKind.Unavailable,
                "upstream_credentials_missing",
                $"The bedrock deployment '{call.Deployment.Id}' has no AWS credentials: set aws_access_key_id and aws_secret_access_key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
        }

        var translated = Translate(call);
        if (!translated.IsSuccess)
        {
            return translated.Error!;
        }

        var region = settings.AwsRegionName ?? FallbackRegion;
        var apiBase = settings.ApiBase ?? $"https://bedrock-runtime.{region}.amazonaws.com";
        var uri = new Uri($"{apiBase}/model/{Uri.EscapeDataString(call.Deployment.UpstreamModel)}/{(stream ? "converse-stream" : "converse")}");
        var body = JsonSerializer.SerializeToUtf8Bytes(translated.Value, BedrockJsonContext.Default.ConverseRequest);
        var message = JsonPost(uri, body);
        SigV4Signer.Sign(message, body, credentials, region, SigningService, Time.GetUtcNow());
        return message;
    }

    protected override Result<ChatCompletionResponse> Translate(ConverseResponse response, ProviderCall call)
    {
        var text = new StringBuilder();
        var calls = new List<ToolCall>();
        foreach (var block in response.Output?.Message?.Content ?? [])
        {
            if (block.Text is { } blockText)
            {
                text.Append(blockText);
            }
            else if (block.ToolUse is { } use)
            {
                calls.Add(new ToolCall
                {
                    Id = use.ToolUseId ?? NewToolCallId(),
                    Type = "function",
                    Function = new FunctionCallPayload { Name = use.Name, Arguments = use.Input is { } input ? input.GetRawText() : "{}" },
                });
            }
        }

        var message = new ChatResponseMessage
        {
            Role = "assistant",
            Content = text.Length > 0 || calls.Count == 0 ? text.ToString() : null,
            ToolCalls = calls.Count > 0 ? calls : null,
        };
        return Completion("chatcmpl-" + Guid.NewGuid().ToString("N"), call, message, FinishReason(response.StopReason) ?? "stop", response.Usage?.ToUsage());
    }

    protected override IChatCompletionStream OpenStream(HttpResponseMessage response, Stream body, ProviderCall call) =>
        new BedrockChatStream(response, body, call.Deployment.Provider, call.Deployment.UpstreamModel, Time);

    private AwsCredentials? Credentials(DeploymentSettings settings) =>
        !string.IsNullOrEmpty(settings.AwsAccessKeyId) && !string.IsNullOrEmpty(settings.AwsSecretAccessKey)
            ? new AwsCredentials(settings.AwsAccessKeyId, settings.AwsSecretAccessKey, string.IsNullOrEmpty(settings.AwsSessionToken) ? null : settings.AwsSessionToken)
            : _environment.Credentials;

    private static Result<ConverseRequest> Translate(ProviderCall call)
    {
        var request = call.Request;
        var input = ChatInput.Read(request);
        if (!input.IsSuccess)
        {
            return input.Error!;
        }

        var blocks = new List<ConverseMessage>(input.Value.Conversation.Turns.Count);
        foreach (var turn in input.Value.Conversation.Turns)
        {
            var content = new List<ConverseContentBlock>(turn.Items.Count);
            foreach (var item in turn.Items)
            {
                var block = Block(item);
                if (!block.IsSuccess)
                {
                    return block.Error!;
                }

                content.Add(block.Value);
            }

            blocks.Add(new ConverseMessage(turn.IsAssistant ? "assistant" : "user", content));
        }

        var (conversation, functions, choice) = input.Value;
        var tools = functions.Count > 0
            ? new ConverseToolConfig(
                functions.Select(f => new ConverseTool(new ConverseToolSpec(f.Name!, f.Description, new ConverseInputSchema(ToolSet.Schema(f))))).ToList(),
                ToolChoice(choice))
            : null;
        return new ConverseRequest
        {
            Messages = blocks,
            System = conversation.System.Count > 0 ? conversation.System.Select(s => new ConverseSystemBlock(s)).ToList() : null,
            InferenceConfig = new ConverseInferenceConfig
            {
                MaxTokens = request.EffectiveMaxTokens ?? call.Deployment.Settings.MaxTokens,
                Temperature = request.Temperature,
                TopP = request.TopP,
                StopSequences = MessageContent.StopSequences(request.Stop),
            },
            ToolConfig = tools,
        };
    }

    private static Result<ConverseContentBlock> Block(TurnItem item)
    {
        switch (item.Kind)
        {
            case TurnItemKind.Image:
                if (!MessageContent.TryParseDataUrl(item.ImageUrl!, out var mediaType, out var data) || !mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                {
                    return Error.Validation("Bedrock takes images only as base64 data URLs (data:image/png;base64,...).", "messages");
                }

                return new ConverseContentBlock { Image = new ConverseImage(mediaType[6..].ToLowerInvariant(), new ConverseImageSource(data)) };
            case TurnItemKind.ToolUse:
                return new ConverseContentBlock { ToolUse = new ConverseToolUse { ToolUseId = item.ToolId, Name = item.ToolName, Input = item.Arguments } };
            case TurnItemKind.ToolResult:
                return new ConverseContentBlock { ToolResult = new ConverseToolResult(item.ToolId!, [new ConverseToolResultContent(item.Text ?? string.Empty)]) };
            default:
                return new ConverseContentBlock { Text = item.Text };
        }
    }

    /// <summary>Converse has no "none": the model then decides, as with "auto".</summary>
    private static ConverseToolChoice? ToolChoice(ToolChoice? choice) => choice?.Mode switch
    {
        "required" => new ConverseToolChoice { Any = Empty },
        "function" => new ConverseToolChoice { Tool = new ConverseNamedTool(choice.Name!) },
        "auto" => new ConverseToolChoice { Auto = Empty },
        _ => null,
    };
}
