namespace LlmPlatform.Infrastructure.Providers.Ollama;

/// <summary>A chat message: <c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>; images as base64.</summary>
internal sealed record OllamaMessage
{
    public required string Role { get; init; }

    public string? Content { get; init; }

    public IReadOnlyList<string>? Images { get; init; }

    public IReadOnlyList<OllamaToolCall>? ToolCalls { get; init; }

    public string? ToolName { get; init; }
}
