using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>A legacy completion's choice; <c>logprobs</c> and <c>finish_reason</c> are written as null, as OpenAI does.</summary>
public sealed record TextChoice
{
    public required string Text { get; init; }

    public int Index { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Logprobs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FinishReason { get; init; }
}
