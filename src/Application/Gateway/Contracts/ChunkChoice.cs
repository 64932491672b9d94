using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record ChunkChoice
{
    public int Index { get; init; }

    public required ChatResponseMessage Delta { get; init; }

    public string? FinishReason { get; init; }

    public JsonElement? Logprobs { get; init; }
}
