using System.Text.Json.Serialization;

namespace LlmPlatform.Api.Errors;

/// <summary>OpenAI's error envelope: <c>{"error":{"message","type","param","code"}}</c>.</summary>
public sealed record ErrorEnvelope
{
    public required ErrorBody Error { get; init; }

    /// <summary>The request's id, as the Platform API's envelope carries it (also in the x-request-id header).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RequestId { get; init; }
}
