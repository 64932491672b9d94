using System.Text.Json.Serialization;

namespace LlmPlatform.Api.Errors;

/// <summary>Anthropic's error envelope: <c>{"type":"error","error":{"type","message"}}</c>.</summary>
public sealed record AnthropicErrorEnvelope
{
    public string Type { get; init; } = "error";

    public required AnthropicErrorBody Error { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequestId { get; init; }
}
