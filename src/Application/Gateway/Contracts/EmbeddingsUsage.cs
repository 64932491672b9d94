namespace LlmPlatform.Application.Gateway.Contracts;

public sealed record EmbeddingsUsage
{
    public long PromptTokens { get; init; }

    public long TotalTokens { get; init; }
}
