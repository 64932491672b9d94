using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Messages.Contracts;

/// <summary>A whole answer of <c>POST /v1/messages</c> (<c>type: message</c>); also the <c>message</c> of <c>message_start</c>.</summary>
public sealed record AnthropicMessageResponse
{
    public required string Id { get; init; }

    public string Type { get; init; } = "message";

    public string Role { get; init; } = "assistant";

    public required string Model { get; init; }

    public required IReadOnlyList<AnthropicContentBlock> Content { get; init; }

    /// <summary><c>end_turn</c>, <c>max_tokens</c>, <c>stop_sequence</c> or <c>tool_use</c>; null while streaming starts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? StopReason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? StopSequence { get; init; }

    public required AnthropicUsage Usage { get; init; }
}
