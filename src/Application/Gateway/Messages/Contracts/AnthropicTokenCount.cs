namespace LlmPlatform.Application.Gateway.Messages.Contracts;

/// <summary>The answer of <c>POST /v1/messages/count_tokens</c>.</summary>
public sealed record AnthropicTokenCount
{
    public long InputTokens { get; init; }
}
