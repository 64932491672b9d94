namespace LlmPlatform.Application.Gateway.Messages.Contracts;

public sealed record AnthropicMetadata
{
    public string? UserId { get; init; }
}
