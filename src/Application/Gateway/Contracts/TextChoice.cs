using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record TextChoice
{
    public required string Text { get; init; }

    public int Index { get; init; }

    public JsonElement? Logprobs { get; init; }

    public string? FinishReason { get; init; }
}
