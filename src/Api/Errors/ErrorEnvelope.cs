using System.Text.Json.Serialization;

namespace LlmPlatform.Api.Errors;

/// <summary>OpenAI's error envelope: <c>{"error":{"message","type","param","code"}}</c>.</summary>
public sealed record ErrorEnvelope
{
    public required ErrorBody Error { get; init; }

    /// <summary>Set by the Platform dialect (seed 001).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequestId { get; init; }
}
