using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Messages.Contracts;

/// <summary>The body of Anthropic's <c>POST /v1/messages</c>.</summary>
public sealed record AnthropicMessagesRequest
{
    public string? Model { get; init; }

    public int? MaxTokens { get; init; }

    public IReadOnlyList<AnthropicMessage>? Messages { get; init; }

    /// <summary>A string or an array of <c>{"type":"text","text":...}</c> blocks.</summary>
    public JsonElement? System { get; init; }

    public IReadOnlyList<AnthropicTool>? Tools { get; init; }

    public AnthropicToolChoice? ToolChoice { get; init; }

    public IReadOnlyList<string>? StopSequences { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    /// <summary>Accepted and dropped: the chat format has no equivalent.</summary>
    public int? TopK { get; init; }

    public AnthropicMetadata? Metadata { get; init; }

    public bool? Stream { get; init; }

    /// <summary>Fields this type does not name (thinking, service_tier, ...), accepted and ignored. Settable for System.Text.Json.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
