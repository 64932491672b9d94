using System.Text.Json;

namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record ChatChoice
{
    public int Index { get; init; }

    public required ChatResponseMessage Message { get; init; }

    public string? FinishReason { get; init; }

    public JsonElement? Logprobs { get; init; }
}
