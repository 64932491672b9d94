namespace LlmPlatform.Application.Gateway.Messages.Contracts;

public sealed record AnthropicUsage
{
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }
}
