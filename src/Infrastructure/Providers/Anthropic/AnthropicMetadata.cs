namespace LlmPlatform.Infrastructure.Providers.Anthropic;

internal sealed record AnthropicMetadata(string UserId);
