namespace LlmPlatform.Infrastructure.Providers.Anthropic;

internal sealed record AnthropicErrorBody(string? Type, string? Message);
